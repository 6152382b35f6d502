import { call } from './ipc'
import type { DemoArgs, SettingsUpdate } from '@/bindings'

export const getSettings = () => call('book_settings_get')
export const updateSettings = (patch: SettingsUpdate) => call('book_settings_update', patch)

/** Load the sample book into a freshly created, empty book (treasurer or chair). */
export const loadDemo = (args: DemoArgs = {}) => call('demo_load', args)
