// Display helpers for dates, months and fingerprints. Money has its own module, money.ts.

export type DateLocale = 'zh-CN' | 'en'

/** "2026-10-31" → "2026年10月31日" (en: "2026-10-31"). Anything else is returned unchanged. */
export function formatDate(value: string | null | undefined, locale: DateLocale = 'zh-CN'): string {
  if (!value) return ''
  const m = String(value).match(/^(\d{4})-(\d{2})-(\d{2})/)
  if (!m) return String(value)
  return locale === 'en' ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}年${m[2]}月${m[3]}日`
}

/** "2026-10" → "2026年10月" (en: "2026-10"). */
export function formatPeriod(value: string | null | undefined, locale: DateLocale = 'zh-CN'): string {
  if (!value) return ''
  const m = String(value).match(/^(\d{4})-(\d{2})$/)
  if (!m) return String(value)
  return locale === 'en' ? `${m[1]}-${m[2]}` : `${m[1]}年${m[2]}月`
}

/** "2026-10" .. "2026-12" → "2026年10月—2026年12月"; a single month when both are the same. */
export function formatPeriodRange(from: string, to: string, locale: DateLocale = 'zh-CN'): string {
  if (from === to) return formatPeriod(from, locale)
  return `${formatPeriod(from, locale)} — ${formatPeriod(to, locale)}`
}

/** "2026-11-23T02:23:59" → "2026-11-23 02:23" (zh: "2026年11月23日 02:23"). */
export function formatDateTime(value: string | null | undefined, locale: DateLocale = 'zh-CN'): string {
  if (!value) return ''
  const m = String(value).match(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/)
  if (!m) return String(value)
  return `${formatDate(m[1], locale)} ${m[2]}`
}

/** Group a fingerprint in fours if it is not already: "ABCDEFGHIJKL" → "ABCD-EFGH-IJKL". */
export function formatFingerprint(value: string | null | undefined): string {
  if (!value) return ''
  if (value.includes('-')) return value
  return value.replace(/(.{4})(?=.)/g, '$1-')
}

/** Months compare as text: "2026-09" < "2026-10". */
export function isMonth(v: string | null | undefined): v is string {
  return !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v)
}
