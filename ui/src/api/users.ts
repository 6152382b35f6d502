import { call } from './ipc'
import type { NewUser, Role } from '@/bindings'

/** The second officer's name and password: a chair's or auditor's account needs the chair and the auditor together. */
type Confirm = Pick<NewUser, 'confirm_user' | 'confirm_password'>

export const listUsers = () => call('users_list')
export const addUser = (name: string, role: Role, password: string, confirm?: Confirm) =>
  call('users_add', { name, role, password, ...confirm })
export const setUserActive = (id: number, active: boolean, confirm?: Confirm) => call('users_set_active', { id, active, ...confirm })
/** Your own password: the old one is enough. */
export const changeOwnPassword = (id: number, old_password: string, new_password: string) =>
  call('users_change_password', { id, old_password, new_password })
/** Someone else's forgotten password: two officers other than its owner (the logged-in one and `confirm`). */
export const resetPassword = (id: number, new_password: string, confirm: Confirm) =>
  call('users_change_password', { id, new_password, ...confirm })
