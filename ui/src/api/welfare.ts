// Welfare payouts (慰问发放): one function per core command, over the single `call` wrapper.
// Money is always a decimal string. The types are generated from the Rust ones
// (src/bindings/); docs/contracts/welfare-commands.md describes the commands.
import { invoke } from '@tauri-apps/api/core'
import { save } from '@tauri-apps/plugin-dialog'
import { call, toAppError } from './ipc'
import type { BatchInput, ExportFile, PostArg, RecipientInput, RuleInput, RuleUpdate } from '@/bindings'

/** The chair's name and password typed on the treasurer's screen to approve an override. */
export type ChairCredentials = Pick<PostArg, 'confirm_user' | 'confirm_password'>

export const vocabulary = () => call('welfare_vocabulary')
export const listBatches = (year?: number) => call('welfare_list', { year })
export const getBatch = (id: number) => call('welfare_get', { id })
export const createBatch = (input: BatchInput) => call('welfare_create', input)
export const updateBatch = (id: number, input: BatchInput) => call('welfare_update', { id, ...input })
export const deleteBatch = (id: number) => call('welfare_delete', { id })
export const addByRule = (batch_id: number, rule: string, arg?: string, amount?: string) =>
  call('welfare_add_by_rule', {
    batch_id,
    rule,
    arg: arg || undefined,
    amount: amount || undefined,
  })
export const addRecipients = (batch_id: number, recipients: RecipientInput[]) =>
  call('welfare_add_recipients', { batch_id, recipients })
export const removeRecipients = (batch_id: number, member_ids: number[]) => call('welfare_remove_recipients', { batch_id, member_ids })
export const setAmountAll = (batch_id: number, amount: string) => call('welfare_set_amounts', { batch_id, amount })
export const setAmountOne = (batch_id: number, member_id: number, amount: string) =>
  call('welfare_set_amounts', { batch_id, items: [{ member_id, amount }] })
export const importPreview = (batch_id: number, file_name: string, data_base64: string) =>
  call('welfare_import_preview', { batch_id, file_name, data_base64 })
export const importRecipients = (batch_id: number, file_name: string, data_base64: string) =>
  call('welfare_import', { batch_id, file_name, data_base64 })
export const submitBatch = (id: number) => call('welfare_submit', { id })
export const approveBatch = (id: number, note?: string) => call('welfare_approve', { id, note })
export const rejectBatch = (id: number, note: string) => call('welfare_reject', { id, note })
export const postBatch = (id: number, override_reason?: string, chair?: ChairCredentials) =>
  call('welfare_post', { id, override_reason, ...chair })
export const reverseBatch = (id: number, date: string, reason: string) => call('welfare_reverse', { id, date, reason })
export const signSheet = (id: number) => call('welfare_sign_sheet', { id })
export const signSheetXlsx = (id: number) => call('welfare_sign_sheet_xlsx', { id })
export const memberHistory = (member_id: number, year: number) => call('welfare_member_history', { member_id, year })
export const yearSummary = (year: number) => call('welfare_year_summary', { year })
export const overrides = (year?: number) => call('welfare_overrides', { year })
export const listRules = () => call('welfare_rules_list', {})
export const addRule = (r: RuleInput) => call('welfare_rules_add', r)
export const updateRule = (r: RuleUpdate) => call('welfare_rules_update', r)
export const listMembers = () => call('members_list', { status: 'member' })

/** Ask where to save an export and write it there (the shell's save_file). False if cancelled. */
export async function saveExport(file: ExportFile): Promise<boolean> {
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
