// The audit committee's commands (经审): chair approval, review and queries, monthly sign-off,
// the change log, verification and the annual audit report. Contract:
// docs/contracts/audit-commands.md. Money is a decimal string; the types are generated from
// the Rust ones (src/bindings/).
import { call } from './ipc'
import type { AnswerFile, ApprovalFilter, AttachmentOwner, Controls, LogFilter, Mark, SaveTexts } from '@/bindings'

// ---- approval ----
export const approvalQueue = () => call('audit_approval_queue')
export const approvalList = (f: ApprovalFilter = {}) => call('audit_approval_list', f)
export const approve = (id: number, note: string) => call('audit_approval_approve', { id, note })
export const reject = (id: number, note: string) => call('audit_approval_reject', { id, note })
/** Switching a control on needs only the chair; switching one off also the auditor (confirm_user/confirm_password). */
export const setControls = (c: Controls) => call('book_settings_set_controls', c)

// ---- review ----
export const reviewList = (period: string) => call('audit_review_list', { period })
export const reviewMark = (voucher_id: number, status: Mark, comment: string) =>
  call('audit_review_mark', { voucher_id, status, comment })
export const reviewQueries = (status?: 'open' | 'answered' | 'closed' | 'pending', period?: string) =>
  call('audit_review_queries', { status, period })
export const reviewAnswer = (query_id: number, answer: string, file?: AnswerFile) =>
  call('audit_review_answer', file ? { query_id, answer, file } : { query_id, answer })
export const reviewCloseQuery = (query_id: number, note: string) => call('audit_review_close_query', { query_id, note })
export const signoffStatus = (period: string) => call('audit_review_signoff_status', { period })
export const signoff = (period: string, note: string) => call('audit_review_signoff', { period, note })

// ---- log and verify ----
export const logList = (f: LogFilter) => call('audit_log_list', f)
export const logKinds = () => call('audit_log_kinds')
export const verifyBook = () => call('audit_verify')

// ---- annual report ----
export const auditReport = (year: number) => call('report_audit', { year })
export const auditReportHtml = (year: number) => call('report_audit_html', { year })
export const saveReportTexts = (year: number, t: Omit<SaveTexts, 'year'>) => call('audit_report_texts_save', { year, ...t })

// ---- vouchers and files the auditor reads ----
export const getVoucher = (id: number) => call('ledger_vouchers_get', { id })
export const listAttachments = (owner: AttachmentOwner) => call('ledger_attachments_list', owner)
export const getAttachment = (id: number) => call('ledger_attachments_get', { id })
