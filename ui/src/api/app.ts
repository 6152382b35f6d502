import { call } from './ipc'
import type { AppInfo, BookInitArgs } from './types'

export const appInfo = () => call<AppInfo>('app_info')
export const bookInit = (args: BookInitArgs) => call<AppInfo>('book_init', args)
export const bookOpen = (path: string) => call<AppInfo>('book_open', { path })
export const bookNew = (path: string) => call<AppInfo>('book_new', { path })
