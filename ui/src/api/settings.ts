import { call } from './ipc'
import type { Settings, SettingsPatch } from './types'

export const getSettings = () => call<Settings>('settings_get')
export const updateSettings = (patch: SettingsPatch) => call<Settings>('settings_update', patch)
