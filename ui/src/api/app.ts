import { call } from './ipc'
import type { InitBook } from '@/bindings'

export const appInfo = () => call('app_info')
export const bookInit = (args: InitBook) => call('book_init', args)
export const bookOpen = (path: string) => call('book_open', { path })
export const bookNew = (path: string) => call('book_new', { path })
