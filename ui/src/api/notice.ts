// 财务收支公示: the notice's data and its A4 HTML page (both from the same core struct), and
// its settings. Thin wrappers over the core commands (docs/contracts/notice-budget-commands.md);
// the types are generated from the Rust ones (src/bindings/).
import { call } from './ipc'
import type { NoticeArgs, NoticeKind, NoticeSettingsUpdate } from '@/bindings'

/** "2026-10", "2026-Q3" or "2026". */
export function noticePeriod(kind: NoticeKind, month: string, year: number, quarter: number): string {
  if (kind === 'year') return String(year)
  if (kind === 'quarter') return `${year}-Q${quarter}`
  return month
}

/** `publishedOn` ("YYYY-MM-DD") overrides the default publication date: the close date of a
 * closed period, else today. */
const noticeArgs = (period: string, publishedOn?: string | null): NoticeArgs =>
  publishedOn ? { period, published_on: publishedOn } : { period }
export const noticeData = (period: string, publishedOn?: string | null) => call('notice_data', noticeArgs(period, publishedOn))
export const noticeHtml = (period: string, publishedOn?: string | null) => call('notice_html', noticeArgs(period, publishedOn))
export const getNoticeSettings = () => call('notice_settings_get')
export const setNoticeSettings = (s: NoticeSettingsUpdate) => call('notice_settings_set', s)
