// 会员: typed wrappers over the member, group, hardship, headcount and import/export commands
// (docs/contracts/members-dues-commands.md). Money is a two-decimal string, dates YYYY-MM-DD,
// months YYYY-MM; ID numbers arrive masked unless members_reveal_id is called. The types are
// generated from the Rust ones (src/bindings/).
import { call } from './ipc'
import type { MemberFilter, MemberInput, OpenFile, UpdateFile } from '@/bindings'

export type Gender = '男' | '女'
export type DuesRule = 'standard' | 'exempt' | 'fixed'
export type MemberStatus = 'active' | 'retired' | 'unemployed' | 'transferred_out' | 'withdrawn' | 'deceased'
export type MemberEventKind = 'join' | 'transfer_in' | 'transfer_out' | 'retire' | 'withdraw' | 'death' | 'unemployed'
/** A status code, or "member" (在会 and 保留会籍), "left" (调出, 退会, 去世) or "all". */
export type StatusFilter = MemberStatus | 'member' | 'left' | 'all'
export type SortKey =
  | 'member_no'
  | 'name'
  | 'gender'
  | 'birth_date'
  | 'phone'
  | 'group'
  | 'department'
  | 'join_date'
  | 'card_no'
  | 'wage_base'
  | 'dues_rule'
  | 'status'
  | 'status_date'

export const STATUSES: readonly MemberStatus[] = ['active', 'retired', 'unemployed', 'transferred_out', 'withdrawn', 'deceased']
export const EVENT_KINDS: readonly MemberEventKind[] = ['join', 'transfer_in', 'transfer_out', 'retire', 'withdraw', 'death', 'unemployed']
export const DUES_RULES: readonly DuesRule[] = ['standard', 'exempt', 'fixed']

/** Blank optional filters are left out so the backend sees "not given". */
function cleanFilter(f: MemberFilter): MemberFilter {
  const out: MemberFilter = {}
  if (f.search?.trim()) out.search = f.search.trim()
  if (f.group_id !== null && f.group_id !== undefined) out.group_id = f.group_id
  if (f.status) out.status = f.status
  if (f.sort) out.sort = f.sort
  if (f.desc) out.desc = true
  return out
}

// ---------- the roll ----------
export const listMembers = (f: MemberFilter = {}) => call('members_list', cleanFilter(f))
export const getMember = (id: number) => call('members_get', { id })
export const revealId = (id: number) => call('members_reveal_id', { id })
export const createMember = (m: MemberInput) => call('members_create', m)
export const updateMember = (id: number, m: MemberInput) => call('members_update', { id, ...m })
export const deleteMember = (id: number) => call('members_delete', { id })
export const addEvent = (member_id: number, event: MemberEventKind, date: string, note?: string) =>
  call('members_add_event', { member_id, event, date, note: note ?? '' })
export const deleteEvent = (id: number) => call('members_delete_event', { id })
export const setWage = (member_id: number, effective_from: string, wage: string) =>
  call('members_set_wage', { member_id, effective_from, wage })

// ---------- stats and headcount ----------
export const memberStats = (date?: string) => call('members_stats', date ? { date } : {})
export const headcountList = () => call('members_headcount_list')
export const setHeadcount = (effective_from: string, headcount: number) =>
  call('members_set_headcount', { effective_from, headcount })

// ---------- groups ----------
export const listGroups = () => call('members_groups_list')
export const addGroup = (name: string) => call('members_groups_add', { name })
export const renameGroup = (id: number, name: string) => call('members_groups_rename', { id, name })
export const deleteGroup = (id: number) => call('members_groups_delete', { id })

// ---------- hardship files ----------
export const listHardship = (open_only = false) => call('members_hardship_list', { open_only })
export const hardshipDue = (date?: string) => call('members_hardship_due_for_review', date ? { date } : {})
export const openHardship = (a: OpenFile) => call('members_hardship_open', a.next_review_on ? a : { ...a, next_review_on: undefined })
export const updateHardship = (a: UpdateFile) => call('members_hardship_update', a)
export const closeHardship = (id: number, closed_on: string, close_reason: string) =>
  call('members_hardship_close', { id, closed_on, close_reason })

// ---------- import / export ----------
export const importPreview = (file_name: string, data_base64: string) =>
  call('members_import_preview', { file_name, data_base64 })
export const importMembers = (file_name: string, data_base64: string) =>
  call('members_import', { file_name, data_base64 })
export const importTemplate = () => call('members_import_template')
export const exportXlsx = (include_id: boolean, f: MemberFilter = {}) =>
  call('members_export_xlsx', { include_id, ...cleanFilter(f) })
