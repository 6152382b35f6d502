// The audit committee's commands (经审): chair approval, review and queries, monthly sign-off,
// the change log, verification and the annual audit report. Contract:
// docs/contracts/audit-commands.md. Money is a decimal string; the types are generated from
// the Rust ones (src/bindings/).
import { call } from './ipc'
import type { AnswerFile, ApprovalFilter, AttachmentOwner, Controls, LogFilter, Mark, SaveTexts } from '@/bindings'

// ---- approval ----
export const approvalQueue = () => call('approval_queue')
export const approvalList = (f: ApprovalFilter = {}) => call('approval_list', f)
export const approve = (id: number, note: string) => call('approval_approve', { id, note })
export const reject = (id: number, note: string) => call('approval_reject', { id, note })
export const setControls = (c: Controls) => call('settings_set_controls', c)

// ---- review ----
export const reviewList = (period: string) => call('review_list', { period })
export const reviewMark = (voucher_id: number, status: Mark, comment: string) =>
  call('review_mark', { voucher_id, status, comment })
export const reviewQueries = (status?: 'open' | 'answered' | 'closed' | 'pending', period?: string) =>
  call('review_queries', { status, period })
export const reviewAnswer = (query_id: number, answer: string, file?: AnswerFile) =>
  call('review_answer', file ? { query_id, answer, file } : { query_id, answer })
export const reviewCloseQuery = (query_id: number, note: string) => call('review_close_query', { query_id, note })
export const signoffStatus = (period: string) => call('review_signoff_status', { period })
export const signoff = (period: string, note: string) => call('review_signoff', { period, note })

// ---- log and verify ----
export const logList = (f: LogFilter) => call('audit_log_list', f)
export const logKinds = () => call('audit_log_kinds')
export const verifyBook = () => call('audit_verify')

// ---- annual report ----
export const auditReport = (year: number) => call('report_audit', { year })
export const auditReportHtml = (year: number) => call('report_audit_html', { year })
export const saveReportTexts = (year: number, t: Omit<SaveTexts, 'year'>) => call('report_audit_texts_save', { year, ...t })

// ---- vouchers and files the auditor reads ----
export const getVoucher = (id: number) => call('vouchers_get', { id })
export const listAttachments = (owner: AttachmentOwner) => call('attachments_list', owner)
export const getAttachment = (id: number) => call('attachments_get', { id })
