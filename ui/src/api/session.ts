import { call } from './ipc'
import type { SessionUser } from './types'

export const login = (user_id: number, password: string) =>
  call<SessionUser>('session_login', { user_id, password })
export const logout = () => call<null>('session_logout')
export const current = () => call<SessionUser | null>('session_current')
