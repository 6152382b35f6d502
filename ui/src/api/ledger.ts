// 凭证 and 收支记账: typed wrappers over the voucher, entry and attachment commands
// (docs/contracts/ledger-commands.md). Every amount is a two-decimal string.
import { call } from './ipc'
import type { Approval } from './audit'

export interface LedgerAccount {
  code: string
  name: string
  class: 'asset' | 'liability' | 'net_assets' | 'income' | 'expense'
  normal_side: 'debit' | 'credit'
  parent_code: string | null
  is_standard: boolean
  is_leaf: boolean
  active: boolean
  pinyin: string
  display: string
  level: number
}

export interface VoucherLine {
  line_no: number
  account_code: string
  account_name: string
  debit: string
  credit: string
  member_id: number | null
  memo: string
}

export interface PostedVoucher {
  id: number
  period: string
  number: number
  display_number: string
  date: string
  summary: string
  attachments_count: number
  source: string
  source_ref: string | null
  reverses_id: number | null
  reversed_by_id: number | null
  prepared_by: number | null
  approved_by: number | null
  posted_by: number
  prepared_by_name: string | null
  approved_by_name: string | null
  posted_by_name: string
  posted_at: string
  seq: number
  lines: VoucherLine[]
  total_debit: string
  total_credit: string
  total_in_words: string
  hash: string
  /** The hash as people compare it: 12 base32 characters, "K7QF-2M4D-X9PA". */
  fingerprint: string
}

export interface VoucherListItem {
  id: number
  period: string
  number: number
  display_number: string
  date: string
  summary: string
  total: string
  attachments_count: number
  attachment_files: number
  source: string
  source_ref: string | null
  reverses_id: number | null
  reverses_display: string | null
  reversed_by_id: number | null
  reversed_by_display: string | null
}

export interface DraftLineInput {
  account_code?: string
  debit?: string
  credit?: string
  member_id?: number | null
  memo?: string
}

export interface DraftInput {
  id?: number
  date: string
  summary?: string
  attachments_count?: number
  lines: DraftLineInput[]
}

export interface Draft {
  id: number
  date: string
  period: string
  summary: string
  attachments_count: number
  attachment_files: number
  source: string
  source_ref: string | null
  status: 'draft' | 'submitted' | 'approved' | 'rejected'
  approval_note: string
  approved_by: number | null
  approved_by_name: string | null
  approved_at: string | null
  prepared_by: number
  prepared_by_name: string
  created_at: string
  updated_at: string
  lines: VoucherLine[]
  total_debit: string
  total_credit: string
  difference: string
  balanced: boolean
  total_in_words: string
  problems: string[]
  can_post: boolean
  /** Posting needs the chair's approval (approval on and the draft spends). */
  needs_approval: boolean
  /** The live submission to the chair: status, the chair's note, who decided. */
  approval: Approval | null
}

export interface ImportPreview {
  file_name: string
  rows: number
  vouchers: {
    source_no: string
    date: string
    period: string
    summary: string
    attachments_count: number
    first_row: number
    lines: { row: number; account_code: string; account_name: string; debit: string; credit: string; memo: string }[]
    total_debit: string
    total_credit: string
    balanced: boolean
  }[]
  errors: { row: number; message: string }[]
  total_debit: string
  total_credit: string
  ok: boolean
}

export interface ImportResult {
  file_name: string
  posted: boolean
  count: number
  total_debit: string
  total_credit: string
  vouchers: {
    source_no: string
    first_row: number
    date: string
    voucher_id: number | null
    voucher_no: string | null
    draft_id: number | null
  }[]
}

export interface IncomeCategory {
  category: string
  label: string
  code: string
  name: string
}
export interface ExpenseCategory {
  code: string
  name: string
  display: string
  group: string
  pinyin: string
}
export interface MoneyAccount {
  code: string
  name: string
  display: string
}
export interface EntryCategories {
  income: IncomeCategory[]
  expense: ExpenseCategory[]
  cash_accounts: MoneyAccount[]
  bank_accounts: MoneyAccount[]
  transfer: IncomeCategory[]
}

export type EntryKind = 'income' | 'expense' | 'transfer'
export interface EntryArgs {
  kind: EntryKind
  date: string
  category: string
  amount: string
  via?: 'cash' | 'bank'
  cash_account?: string
  bank_account?: string
  summary?: string
  counterparty?: string
  attachments_count?: number
  draft_id?: number
}

export interface PreviewLine {
  account_code: string
  account_name: string
  debit: string
  credit: string
  memo: string
}
export interface EntryPreview {
  period: string
  lines: PreviewLine[]
  total_debit: string
  total_credit: string
  total_in_words: string
  problems: string[]
  can_post: boolean
  /** ledger_entry_post will submit this spending to the chair instead of posting it. */
  needs_approval: boolean
  approval_note: string | null
}

/** What ledger_entry_post did: posted the voucher, or submitted a draft to the chair. */
export type EntryOutcome =
  | ({ outcome: 'posted' } & PostedVoucher)
  | { outcome: 'submitted'; draft: Draft; message: string }

export interface AttachmentMeta {
  id: number
  draft_id: number | null
  voucher_id: number | null
  file_name: string
  mime: string
  size: number
  sha256: string
  added_by: number
  added_by_name: string
  added_at: string
}
export interface AttachmentData {
  id: number
  file_name: string
  mime: string
  size: number
  sha256: string
  data_base64: string
}
export type AttachmentOwner = { draft_id: number } | { voucher_id: number }

// ---------- chart (for the account picker) ----------
export const listAccounts = () => call<LedgerAccount[]>('ledger_accounts')

// ---------- drafts and vouchers ----------
export const saveDraft = (d: DraftInput) => call<Draft>('ledger_vouchers_draft_save', d)
export const getDraft = (id: number) => call<Draft>('ledger_vouchers_draft_get', { id })
export const listDrafts = (period?: string) => call<Draft[]>('ledger_vouchers_draft_list', period ? { period } : {})
export const deleteDraft = (id: number) => call<Draft>('ledger_vouchers_draft_delete', { id })
export const postDraft = (draft_id: number) => call<PostedVoucher>('ledger_vouchers_post', { draft_id })
/** 提交审批: a spending draft goes to the chair's queue. */
export const submitDraft = (draft_id: number) => call<Draft>('ledger_vouchers_submit', { draft_id })
export const listVouchers = (f: { period?: string; from?: string; to?: string; text?: string } = {}) =>
  call<VoucherListItem[]>('ledger_vouchers_list', f)
export const getVoucher = (id: number) => call<PostedVoucher>('ledger_vouchers_get', { id })
export const reverseVoucher = (id: number, date: string, reason: string) =>
  call<PostedVoucher>('ledger_vouchers_reverse', { id, date, reason })
export const importPreview = (file_name: string, data_base64: string) =>
  call<ImportPreview>('ledger_vouchers_import_preview', { file_name, data_base64 })
export const importVouchers = (file_name: string, data_base64: string, post: boolean) =>
  call<ImportResult>('ledger_vouchers_import', { file_name, data_base64, post })

// ---------- plain-language entry ----------
export const entryCategories = () => call<EntryCategories>('ledger_entry_categories')
export const entryPreview = (a: EntryArgs) => call<EntryPreview>('ledger_entry_preview', a)
export const entryPost = (a: EntryArgs) => call<EntryOutcome>('ledger_entry_post', a)

// ---------- attachments ----------
export const addAttachment = (owner: AttachmentOwner, file_name: string, mime: string, data_base64: string) =>
  call<AttachmentMeta>('ledger_attachments_add', { ...owner, file_name, mime, data_base64 })
export const listAttachments = (owner: AttachmentOwner) => call<AttachmentMeta[]>('ledger_attachments_list', owner)
export const getAttachment = (id: number) => call<AttachmentData>('ledger_attachments_get', { id })
export const deleteAttachment = (id: number) => call<AttachmentMeta>('ledger_attachments_delete', { id })

// ---------- helpers ----------
/** A File's bytes as base64 (no data: prefix). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let bin = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  }
  return btoa(bin)
}

/** UTF-8 text as base64 (for files the UI generates, e.g. the import template). */
export function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin)
}

/** The MIME type to send for a picked file; browsers sometimes leave File.type empty. */
export function mimeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type
  const ext = file.name.split('.').pop()?.toLowerCase() ?? ''
  const map: Record<string, string> = {
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    bmp: 'image/bmp',
    pdf: 'application/pdf',
  }
  return map[ext] ?? 'application/octet-stream'
}
