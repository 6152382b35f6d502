import { call } from './ipc'
import type { Settings, SettingsPatch } from './types'

export const getSettings = () => call<Settings>('book_settings_get')
export const updateSettings = (patch: SettingsPatch) => call<Settings>('book_settings_update', patch)

/** What `demo_load` reports after loading the sample book (示例账套). */
export interface DemoSummary {
  members: number
  first_month: string
  until: string
  months_closed: number
  welfare_batches: number
  entries: number
}

/** Load the sample book into a freshly created, empty book (treasurer or chair). */
export const loadDemo = (args: { members?: number; years?: number; seed?: number } = {}) =>
  call<DemoSummary>('demo_load', args)
