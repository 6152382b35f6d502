import { call } from './ipc'
import type { DemoArgs, SettingsUpdate } from '@/bindings'

export const getSettings = () => call('settings_get')
export const updateSettings = (patch: SettingsUpdate) => call('settings_update', patch)

/** Load the sample book into a freshly created, empty book (treasurer or chair). */
export const loadDemo = (args: DemoArgs = {}) => call('demo_load', args)
