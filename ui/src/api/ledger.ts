// 凭证 and 收支记账: typed wrappers over the voucher, entry and attachment commands
// (docs/contracts/ledger-commands.md). Every amount is a two-decimal string. The types are
// generated from the Rust ones (src/bindings/).
import { call } from './ipc'
import type { AttachmentOwner, DraftInput, EntryArgs, VoucherFilter } from '@/bindings'

// ---------- chart (for the account picker) ----------
export const listAccounts = () => call('ledger_accounts')

// ---------- drafts and vouchers ----------
export const saveDraft = (d: DraftInput) => call('ledger_vouchers_draft_save', d)
export const getDraft = (id: number) => call('ledger_vouchers_draft_get', { id })
export const listDrafts = (period?: string) => call('ledger_vouchers_draft_list', period ? { period } : {})
export const deleteDraft = (id: number) => call('ledger_vouchers_draft_delete', { id })
export const postDraft = (draft_id: number) => call('ledger_vouchers_post', { draft_id })
/** 提交审批: a spending draft goes to the chair's queue. */
export const submitDraft = (draft_id: number) => call('ledger_vouchers_submit', { draft_id })
export const listVouchers = (f: VoucherFilter = {}) => call('ledger_vouchers_list', f)
export const getVoucher = (id: number) => call('ledger_vouchers_get', { id })
export const reverseVoucher = (id: number, date: string, reason: string) => call('ledger_vouchers_reverse', { id, date, reason })
export const importPreview = (file_name: string, data_base64: string) =>
  call('ledger_vouchers_import_preview', { file_name, data_base64 })
export const importVouchers = (file_name: string, data_base64: string, post: boolean) =>
  call('ledger_vouchers_import', { file_name, data_base64, post })

// ---------- plain-language entry ----------
export const entryCategories = () => call('ledger_entry_categories')
export const entryPreview = (a: EntryArgs) => call('ledger_entry_preview', a)
export const entryPost = (a: EntryArgs) => call('ledger_entry_post', a)

// ---------- attachments ----------
export const addAttachment = (owner: AttachmentOwner, file_name: string, mime: string, data_base64: string) =>
  call('ledger_attachments_add', { ...owner, file_name, mime, data_base64 })
export const listAttachments = (owner: AttachmentOwner) => call('ledger_attachments_list', owner)
export const getAttachment = (id: number) => call('ledger_attachments_get', { id })
export const deleteAttachment = (id: number) => call('ledger_attachments_delete', { id })

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
