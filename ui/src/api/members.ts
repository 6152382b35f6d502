// 会员: typed wrappers over the member, group, hardship, headcount and import/export commands
// (docs/contracts/members-dues-commands.md). Money is a two-decimal string, dates YYYY-MM-DD,
// months YYYY-MM; ID numbers arrive masked unless members_reveal_id is called.
import { call } from './ipc'
import type { Charge } from './dues'

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

export interface MemberListItem {
  id: number
  member_no: string
  name: string
  gender: Gender
  birth_date: string | null
  id_number: string | null
  phone: string
  group_id: number | null
  group: string | null
  department: string
  join_date: string
  card_no: string
  wage_base: string | null
  dues_rule: DuesRule
  fixed_amount: string | null
  status: MemberStatus
  status_label: string
  status_date: string
  in_membership: boolean
  notes: string
}

export interface MemberChild {
  id?: number | null
  name: string
  birth_date: string
}
export interface MemberEvent {
  id: number
  event: MemberEventKind
  event_label: string
  date: string
  note: string
  initial: boolean
}
export interface Member extends MemberListItem {
  dues_rule_label: string
  wages: { effective_from: string; wage: string }[]
  children: MemberChild[]
  events: MemberEvent[]
  hardship: { id: number; level: string; identified_on: string; next_review_on: string | null } | null
  hardship_files: number
  can_delete: boolean
  created_at: string
  updated_at: string
}

export interface MemberInput {
  name: string
  join_date: string
  gender?: string | null
  birth_date?: string | null
  id_number?: string | null
  member_no?: string | null
  phone?: string | null
  group_id?: number | null
  department?: string | null
  card_no?: string | null
  /** Create only. */
  wage?: string | null
  /** Create only (YYYY-MM). */
  wage_effective_from?: string | null
  dues_rule?: DuesRule
  fixed_amount?: string | null
  children?: { name: string; birth_date: string }[]
  notes?: string | null
  /** Create only. */
  transfer_in_date?: string | null
}

export interface MemberFilter {
  search?: string
  group_id?: number | null
  status?: StatusFilter
  sort?: SortKey
  desc?: boolean
}

export interface MemberStats {
  date: string
  members: number
  retained: number
  retired: number
  unemployed: number
  headcount: number | null
  join_rate: string | null
  new_this_year: number
  left_this_year: number
}

export interface Group {
  id: number
  name: string
  members: number
  total: number
}

export interface HardshipFile {
  id: number
  member_id: number
  member_no: string
  member_name: string
  group: string | null
  level: '困难' | '特困'
  reason: string
  identified_on: string
  next_review_on: string | null
  closed_on: string | null
  close_reason: string
  open: boolean
  created_at: string
  updated_at: string
  /** Aid paid to the member while the file was open (慰问发放), oldest first. */
  aid_received?: AidItem[]
  aid_total?: string
}

export interface AidItem {
  batch_id: number
  batch_name: string
  kind: string
  kind_label: string
  date: string
  form_label: string
  goods: string
  amount: string
  note: string
  voucher_id: number | null
}

export interface ImportRow {
  row: number
  member_no: string
  name: string
  gender: string
  birth_date: string | null
  id_number: string | null
  join_date: string | null
  group: string
  new_group: boolean
  wage: string | null
  status: MemberStatus
  status_label: string
  phone: string
  card_no: string
  notes: string
}
export interface ImportPreview {
  file_name: string
  count: number
  rows: ImportRow[]
  new_groups: string[]
  errors: { row: number; message: string }[]
  ok: boolean
}
export interface ImportResult {
  imported: number
  new_groups: string[]
  members: { id: number; member_no: string; name: string }[]
}
export interface FileOut {
  file_name: string
  data_base64: string
}

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
export const listMembers = (f: MemberFilter = {}) => call<MemberListItem[]>('members_list', cleanFilter(f))
export const getMember = (id: number) => call<Member>('members_get', { id })
export const revealId = (id: number) => call<{ id: number; id_number: string | null }>('members_reveal_id', { id })
export const createMember = (m: MemberInput) => call<Member>('members_create', m)
export const updateMember = (id: number, m: MemberInput) => call<Member>('members_update', { id, ...m })
export const deleteMember = (id: number) => call<{ deleted: number }>('members_delete', { id })
export const addEvent = (member_id: number, event: MemberEventKind, date: string, note?: string) =>
  call<Member>('members_add_event', { member_id, event, date, note: note ?? '' })
export const deleteEvent = (id: number) => call<unknown>('members_delete_event', { id })
export const setWage = (member_id: number, effective_from: string, wage: string) =>
  call<{ member: Member; recomputed: number; back_charges: Charge[] }>('members_set_wage', { member_id, effective_from, wage })

// ---------- stats and headcount ----------
export const memberStats = (date?: string) => call<MemberStats>('members_stats', date ? { date } : {})
export const headcountList = () => call<{ effective_from: string; headcount: number }[]>('members_headcount_list')
export const setHeadcount = (effective_from: string, headcount: number) =>
  call<{ effective_from: string; headcount: number }[]>('members_set_headcount', { effective_from, headcount })

// ---------- groups ----------
export const listGroups = () => call<Group[]>('members_groups_list')
export const addGroup = (name: string) => call<Group>('members_groups_add', { name })
export const renameGroup = (id: number, name: string) => call<Group>('members_groups_rename', { id, name })
export const deleteGroup = (id: number) => call<{ deleted: number }>('members_groups_delete', { id })

// ---------- hardship files ----------
export const listHardship = (open_only = false) => call<HardshipFile[]>('members_hardship_list', { open_only })
export const hardshipDue = (date?: string) => call<HardshipFile[]>('members_hardship_due_for_review', date ? { date } : {})
export const openHardship = (a: { member_id: number; level: string; reason: string; identified_on: string; next_review_on?: string | null }) =>
  call<HardshipFile>('members_hardship_open', a.next_review_on ? a : { ...a, next_review_on: undefined })
export const updateHardship = (a: { id: number; level?: string; reason?: string; identified_on?: string; next_review_on?: string | null }) =>
  call<HardshipFile>('members_hardship_update', a)
export const closeHardship = (id: number, closed_on: string, close_reason: string) =>
  call<HardshipFile>('members_hardship_close', { id, closed_on, close_reason })

// ---------- import / export ----------
export const importPreview = (file_name: string, data_base64: string) =>
  call<ImportPreview>('members_import_preview', { file_name, data_base64 })
export const importMembers = (file_name: string, data_base64: string) =>
  call<ImportResult>('members_import', { file_name, data_base64 })
export const importTemplate = () => call<FileOut>('members_import_template')
export const exportXlsx = (include_id: boolean, f: MemberFilter = {}) =>
  call<FileOut>('members_export_xlsx', { include_id, ...cleanFilter(f) })
