// 财务收支公示: the notice's data and its A4 HTML page (both from the same core struct), and
// its settings. Thin wrappers over the core commands (docs/contracts/notice-budget-commands.md).
import { call } from './ipc'

export type NoticeKind = 'month' | 'quarter' | 'year'

export interface NoticeLine {
  code: string
  name: string
  level: number
  purpose: string
  current: string
  ytd: string
  budget: string | null
  execution: string | null
}

export interface NoticeTotal {
  current: string
  ytd: string
  budget: string | null
  execution: string | null
  current_upper: string
  ytd_upper: string
}

export interface NoticeData {
  period: string
  kind: NoticeKind
  from: string
  to: string
  period_label: string
  title: string
  union_name: string
  current_label: string
  income: NoticeLine[]
  income_total: NoticeTotal
  spending: NoticeLine[]
  spending_total: NoticeTotal
  balances: {
    opening: string
    opening_cash: string
    opening_bank: string
    income: string
    spending: string
    other: string
    closing: string
    closing_cash: string
    closing_bank: string
    closing_upper: string
  }
  payouts: { batch: string; kind: string; head_count: number; total: string }[]
  dues: { liable: number; paid_members: number; charged: string; paid: string; collected: string; unit: string }
  signatures: { preparer: string; chair: string; audit_director: string }
  published_on: string
  window_days: number
  window_until: string
  contact: string
  fingerprint: string
  fingerprint_note: string
  is_draft: boolean
  closed_at: string | null
}

export interface NoticeHtml {
  file_name: string
  html: string
  is_draft: boolean
}

export interface NoticeSettings {
  preparer: string
  chair: string
  audit_director: string
  window_days: number
  contact: string
}

/** "2026-10", "2026-Q3" or "2026". */
export function noticePeriod(kind: NoticeKind, month: string, year: number, quarter: number): string {
  if (kind === 'year') return String(year)
  if (kind === 'quarter') return `${year}-Q${quarter}`
  return month
}

/** `publishedOn` ("YYYY-MM-DD") overrides the default publication date: the close date of a
 * closed period, else today. */
const noticeArgs = (period: string, publishedOn?: string | null) => (publishedOn ? { period, published_on: publishedOn } : { period })
export const noticeData = (period: string, publishedOn?: string | null) => call<NoticeData>('notice_data', noticeArgs(period, publishedOn))
export const noticeHtml = (period: string, publishedOn?: string | null) => call<NoticeHtml>('notice_html', noticeArgs(period, publishedOn))
export const getNoticeSettings = () => call<NoticeSettings>('notice_settings_get')
export const setNoticeSettings = (s: Partial<NoticeSettings>) => call<NoticeSettings>('notice_settings_set', s)
