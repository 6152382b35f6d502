// The audit committee's commands (经审): chair approval, review and queries, monthly sign-off,
// the change log, verification and the annual audit report. Contract:
// docs/contracts/audit-commands.md. Money is a decimal string.
import { call } from './ipc'
import type { Batch } from './welfare'
import type { Settings } from './types'

export interface AttachmentMeta {
  id: number
  draft_id: number | null
  voucher_id: number | null
  file_name: string
  mime: string
  size: number
  sha256: string
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

export type ApprovalStatus = 'submitted' | 'approved' | 'rejected' | 'posted' | 'withdrawn' | 'superseded'

export interface Approval {
  id: number
  kind: string
  kind_label: string
  ref_id: number
  title: string
  amount: string
  date: string
  status: ApprovalStatus
  status_label: string
  submitted_by: number
  submitted_by_name: string
  submitted_at: string
  decided_by: number | null
  decided_by_name: string | null
  decided_at: string | null
  note: string
  voucher_id: number | null
}

export interface DetailLine {
  line_no: number
  account_code: string
  account_name: string
  debit: string
  credit: string
  memo: string
}

export interface QueueItem extends Approval {
  attachments_count: number
  attachments: AttachmentMeta[]
  /** For a voucher draft: the draft with its lines. */
  /** A spending draft (lines…) or a welfare payout batch (recipients…). */
  detail:
    | ({ lines?: DetailLine[]; summary?: string; total_debit?: string; total_in_words?: string } & Partial<
        Pick<Batch, 'recipients' | 'kind_label' | 'form_label' | 'goods' | 'account_code' | 'account_name' | 'pay_from_label' | 'count' | 'breaches'>
      >)
    | null
}

export interface Query {
  id: number
  voucher_id: number
  period: string
  display_number: string
  summary: string
  question: string
  raised_by_name: string
  raised_at: string
  status: 'open' | 'answered' | 'closed'
  status_label: string
  answer: string
  attachment_id: number | null
  answered_by_name: string | null
  answered_at: string | null
  close_note: string
  closed_by_name: string | null
  closed_at: string | null
}

export interface ReviewItem {
  voucher_id: number
  period: string
  display_number: string
  date: string
  summary: string
  total: string
  attachments_count: number
  attachment_files: number
  source: string
  prepared_by: number | null
  prepared_by_name: string | null
  approved_by_name: string | null
  posted_by: number
  posted_by_name: string
  review_status: 'unreviewed' | 'reviewed' | 'query'
  review_status_label: string
  comment: string
  reviewer_name: string | null
  reviewed_at: string | null
  open_query: Query | null
  spends: boolean
}

export interface Signoff {
  id: number
  period: string
  signed_by_name: string
  signed_at: string
  note: string
  fingerprint: string
  vouchers: number
  status: 'active' | 'stale'
  stale_reason: string
  stale_at: string | null
}

export interface SignoffStatus {
  period: string
  required: boolean
  signed: boolean
  current: Signoff | null
  stale: boolean
  stale_reason: string | null
  can_sign: boolean
  blockers: string[]
  fingerprint_now: string
  history: Signoff[]
}

export interface ReviewList {
  period: string
  vouchers: ReviewItem[]
  total: number
  reviewed: number
  queried: number
  unreviewed: number
  open_queries: number
  signoff: SignoffStatus
}

export interface LogEntry {
  id: number
  at: string
  user_id: number | null
  user_name: string
  command: string
  kind: string
  args: unknown
  before: unknown
  after: unknown
  hash: string
}

export interface LogFilter {
  user_id?: number | null
  kind?: string | null
  command?: string | null
  from?: string | null
  to?: string | null
  limit?: number
  offset?: number
}

export interface VerifyReport {
  ok: boolean
  fingerprint: string
  message: string
  change_log: { entries: number; head: string; first_bad_id: number | null }
  journal: { vouchers: number; fingerprint: string; first_bad: string | null }
}

export interface ReportTexts {
  overview: string
  findings: string
  suggestions: string
  updated_by_name: string | null
  updated_at: string | null
}

export interface AuditReport {
  title: string
  year: number
  verification: { ok: boolean; message: string; fingerprint: string; vouchers: number; log_entries: number }
  texts: ReportTexts
  reviews: { vouchers: number; reviewed: number; queries_raised: number; queries_closed: number; queries_pending: number }
  income_spending: { income_total: string; spending_total: string; surplus: string }
}

export interface VoucherLine {
  line_no: number
  account_code: string
  account_name: string
  debit: string
  credit: string
  memo: string
}

export interface PostedVoucher {
  id: number
  period: string
  display_number: string
  date: string
  summary: string
  attachments_count: number
  prepared_by_name: string | null
  approved_by_name: string | null
  posted_by_name: string
  lines: VoucherLine[]
  total_debit: string
  total_in_words: string
}

// ---- approval ----
export const approvalQueue = () => call<QueueItem[]>('audit_approval_queue')
export const approvalList = (f: { kind?: string; status?: string; year?: number } = {}) => call<Approval[]>('audit_approval_list', f)
export const approve = (id: number, note: string) => call<Approval>('audit_approval_approve', { id, note })
export const reject = (id: number, note: string) => call<Approval>('audit_approval_reject', { id, note })
export const setControls = (c: { approval_required?: boolean; signoff_required?: boolean }) =>
  call<Settings>('book_settings_set_controls', c)

// ---- review ----
export const reviewList = (period: string) => call<ReviewList>('audit_review_list', { period })
export const reviewMark = (voucher_id: number, status: 'reviewed' | 'query', comment: string) =>
  call<ReviewItem>('audit_review_mark', { voucher_id, status, comment })
export const reviewQueries = (status?: 'open' | 'answered' | 'closed' | 'pending', period?: string) =>
  call<Query[]>('audit_review_queries', { status, period })
export const reviewAnswer = (
  query_id: number,
  answer: string,
  file?: { file_name: string; mime: string; data_base64: string },
) => call<Query>('audit_review_answer', file ? { query_id, answer, file } : { query_id, answer })
export const reviewCloseQuery = (query_id: number, note: string) => call<Query>('audit_review_close_query', { query_id, note })
export const signoffStatus = (period: string) => call<SignoffStatus>('audit_review_signoff_status', { period })
export const signoff = (period: string, note: string) => call<SignoffStatus>('audit_review_signoff', { period, note })

// ---- log and verify ----
export const logList = (f: LogFilter) => call<LogEntry[]>('audit_log_list', f)
export const logKinds = () => call<{ kinds: string[]; commands: string[]; total: number }>('audit_log_kinds')
export const verifyBook = () => call<VerifyReport>('audit_verify')

// ---- annual report ----
export const auditReport = (year: number) => call<AuditReport>('report_audit', { year })
export const auditReportHtml = (year: number) => call<{ file_name: string; html: string }>('report_audit_html', { year })
export const saveReportTexts = (year: number, t: { overview?: string; findings?: string; suggestions?: string }) =>
  call<ReportTexts>('audit_report_texts_save', { year, ...t })

// ---- vouchers and files the auditor reads ----
export const getVoucher = (id: number) => call<PostedVoucher>('ledger_vouchers_get', { id })
export const listAttachments = (owner: { voucher_id?: number; draft_id?: number }) =>
  call<AttachmentMeta[]>('ledger_attachments_list', owner)
export const getAttachment = (id: number) => call<AttachmentData>('ledger_attachments_get', { id })
