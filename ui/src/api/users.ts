import { call } from './ipc'
import type { Role } from '@/bindings'

export const listUsers = () => call('users_list')
export const addUser = (name: string, role: Role, password: string) => call('users_add', { name, role, password })
export const setUserActive = (id: number, active: boolean) => call('users_set_active', { id, active })
/** Own password needs old_password; treasurer/chair may reset another user's without it. */
export const changePassword = (id: number, new_password: string, old_password?: string) =>
  call('users_change_password', old_password === undefined ? { id, new_password } : { id, old_password, new_password })
