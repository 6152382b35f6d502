// Welfare payouts (慰问发放): one function per core command, over the single `call` wrapper.
// Money is always a decimal string. Shapes mirror docs/contracts/welfare-commands.md.
import { invoke } from '@tauri-apps/api/core'
import { save } from '@tauri-apps/plugin-dialog'
import { call, toAppError } from './ipc'

export type BatchStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'posted' | 'reversed'

export interface KindInfo {
  code: string
  label: string
  account: string
  item: string | null
  no_cash: boolean
  aid: boolean
}

export interface Vocabulary {
  kinds: KindInfo[]
  forms: [string, string][]
  items: [string, string][]
  festivals: string[]
  selection_rules: [string, string][]
  refused_forms: string[]
  refusal: string
}

export interface VoucherRef {
  id: number
  period: string
  number: number
  display_number: string
}

export interface Rule {
  id: number
  province: string
  item: string
  item_label: string
  effective_from: string
  cap: string
  per: 'year' | 'event'
  per_label: string
  source: string
  note: string
  active: boolean
}

export interface Breach {
  rule: 'cap' | 'cash'
  member_id: number | null
  member_name: string | null
  message: string
}

export interface OverrideInfo {
  id: number
  batch_id: number
  reason: string
  breaches: Breach[]
  chair_id: number
  chair_name: string
  recorded_by_name: string
  at: string
  valid: boolean
}

export interface Recipient {
  member_id: number
  member_no: string
  name: string
  gender: string
  group: string | null
  amount: string
  note: string
  source: string
  cap: string | null
  used_this_year: string
  left: string | null
  left_after: string | null
  breach: string | null
  blocker: string | null
}

export interface Batch {
  id: number
  kind: string
  kind_label: string
  occasion: string
  name: string
  date: string
  form: string
  form_label: string
  goods: string
  supplier: string
  pay_from: 'cash' | 'bank'
  pay_from_label: string
  account_code: string
  account_name: string
  default_amount: string | null
  note: string
  status: BatchStatus
  status_label: string
  approval_required: boolean
  approved_by_name: string | null
  approval_note: string
  voucher: VoucherRef | null
  reversal_voucher: VoucherRef | null
  reversed_reason: string
  recipients: Recipient[]
  count: number
  total: string
  total_in_words: string
  province: string
  rule: Rule | null
  breaches: Breach[]
  blockers: string[]
  override: OverrideInfo | null
  post_problems: string[]
  can_post: boolean
}

export interface BatchListItem {
  id: number
  kind: string
  kind_label: string
  name: string
  date: string
  form_label: string
  status: BatchStatus
  status_label: string
  count: number
  total: string
  voucher: VoucherRef | null
  overrides: number
}

export interface BatchInput {
  kind: string
  name: string
  date: string
  form: string
  pay_from: string
  occasion?: string
  goods?: string
  supplier?: string
  account_code?: string | null
  default_amount?: string | null
  note?: string
}

export interface RowError {
  row: number
  message: string
}

export interface ImportPreview {
  file_name: string
  count: number
  total: string
  rows: { row: number; member_id: number | null; member_no: string; name: string; amount: string | null; note: string }[]
  errors: RowError[]
  ok: boolean
}

export interface SignSheet {
  batch_id: number
  title: string
  union_name: string
  name: string
  kind_label: string
  date: string
  form_label: string
  goods: string
  supplier: string
  status: BatchStatus
  status_label: string
  rows: { no: number; member_no: string; name: string; group: string | null; content: string; amount: string; note: string }[]
  count: number
  total: string
  total_in_words: string
  treasurer_name: string
  chair_name: string
  voucher: VoucherRef | null
}

export interface PayoutItem {
  batch_id: number
  batch_name: string
  kind: string
  kind_label: string
  date: string
  form_label: string
  goods: string
  amount: string
  note: string
}

export interface MemberHistory {
  member_id: number
  member_no: string
  name: string
  year: number
  province: string
  items: PayoutItem[]
  by_kind: { kind: string; kind_label: string; total: string; cap: string | null; per: string | null; used: string | null; left: string | null }[]
  total: string
}

export interface KindTotal {
  kind: string
  kind_label: string
  batches: number
  headcount: number
  total: string
}

export interface OverrideListItem {
  id: number
  batch_id: number
  batch_name: string
  batch_date: string
  kind_label: string
  batch_status: string
  voucher: string | null
  reason: string
  breaches: Breach[]
  chair_name: string
  recorded_by_name: string
  at: string
}

export interface MemberBrief {
  id: number
  member_no: string
  name: string
  group: string | null
  status_label: string
  in_membership: boolean
}

export interface FileOut {
  file_name: string
  data_base64: string
}

export interface ChairCredentials {
  chair_name?: string
  chair_password?: string
}

export const vocabulary = () => call<Vocabulary>('welfare_vocabulary')
export const listBatches = (year?: number) => call<BatchListItem[]>('welfare_list', { year })
export const getBatch = (id: number) => call<Batch>('welfare_get', { id })
export const createBatch = (input: BatchInput) => call<Batch>('welfare_create', input)
export const updateBatch = (id: number, input: BatchInput) => call<Batch>('welfare_update', { id, ...input })
export const deleteBatch = (id: number) => call<{ deleted: number }>('welfare_delete', { id })
export const addByRule = (batch_id: number, rule: string, arg?: string, amount?: string) =>
  call<{ added: number; skipped: { member_id: number; name: string; reason: string }[]; batch: Batch }>('welfare_add_by_rule', {
    batch_id,
    rule,
    arg: arg || undefined,
    amount: amount || undefined,
  })
export const addRecipients = (batch_id: number, recipients: { member_id: number; amount?: string }[]) =>
  call<Batch>('welfare_add_recipients', { batch_id, recipients })
export const removeRecipients = (batch_id: number, member_ids: number[]) => call<Batch>('welfare_remove_recipients', { batch_id, member_ids })
export const setAmountAll = (batch_id: number, amount: string) => call<Batch>('welfare_set_amounts', { batch_id, amount })
export const setAmountOne = (batch_id: number, member_id: number, amount: string) =>
  call<Batch>('welfare_set_amounts', { batch_id, items: [{ member_id, amount }] })
export const importPreview = (batch_id: number, file_name: string, data_base64: string) =>
  call<ImportPreview>('welfare_import_preview', { batch_id, file_name, data_base64 })
export const importRecipients = (batch_id: number, file_name: string, data_base64: string) =>
  call<Batch>('welfare_import', { batch_id, file_name, data_base64 })
export const submitBatch = (id: number) => call<Batch>('welfare_submit', { id })
export const approveBatch = (id: number, note?: string) => call<Batch>('welfare_approve', { id, note })
export const rejectBatch = (id: number, note: string) => call<Batch>('welfare_reject', { id, note })
export const postBatch = (id: number, override_reason?: string, chair?: ChairCredentials) =>
  call<{ batch: Batch; voucher: VoucherRef }>('welfare_post', { id, override_reason, ...chair })
export const reverseBatch = (id: number, date: string, reason: string) => call<Batch>('welfare_reverse', { id, date, reason })
export const signSheet = (id: number) => call<SignSheet>('welfare_sign_sheet', { id })
export const signSheetXlsx = (id: number) => call<FileOut>('welfare_sign_sheet_xlsx', { id })
export const memberHistory = (member_id: number, year: number) => call<MemberHistory>('welfare_member_history', { member_id, year })
export const yearSummary = (year: number) => call<KindTotal[]>('welfare_year_summary', { year })
export const overrides = (year?: number) => call<OverrideListItem[]>('welfare_overrides', { year })
export const listRules = () => call<Rule[]>('welfare_rules_list', {})
export const addRule = (r: Omit<Rule, 'id' | 'item_label' | 'per_label'>) => call<Rule>('welfare_rules_add', r)
export const updateRule = (r: Omit<Rule, 'item_label' | 'per_label'>) => call<Rule>('welfare_rules_update', r)
export const listMembers = () => call<MemberBrief[]>('members_list', { status: 'member' })

/** Ask where to save an export and write it there (the shell's save_file). False if cancelled. */
export async function saveExport(file: FileOut): Promise<boolean> {
  const ext = file.file_name.split('.').pop() ?? 'xlsx'
  const path = await save({ defaultPath: file.file_name, filters: [{ name: ext.toUpperCase(), extensions: [ext] }] })
  if (!path) return false
  try {
    await invoke('save_file', { path, dataBase64: file.data_base64 })
  } catch (e) {
    throw toAppError(e)
  }
  return true
}

/** A picked file as base64, for the import commands. */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => {
      const s = String(r.result ?? '')
      resolve(s.includes(',') ? s.slice(s.indexOf(',') + 1) : s)
    }
    r.onerror = () => reject(r.error)
    r.readAsDataURL(file)
  })
}
