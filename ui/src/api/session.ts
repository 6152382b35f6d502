import { call } from './ipc'

export const login = (user_id: number, password: string) => call('session_login', { user_id, password })
export const logout = () => call('session_logout')
export const current = () => call('session_current')
