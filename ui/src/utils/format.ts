// Display helpers for the books. Money arrives as a decimal string ("12345.60", "-3.00") and is
// only ever handled as text or as BigInt fen — never through Number, parseFloat or toFixed,
// so no amount can pick up a float rounding error on its way to the screen or back.

const FULLWIDTH_DIGITS = /[０-９]/g

/** Full-width digits, comma, point and minus → ASCII; spaces removed. */
function normaliseInput(s: string): string {
  return s
    .replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，,]/g, '')
    .replace(/[．。]/g, '.')
    .replace(/[－−]/g, '-')
    .replace(/\s+/g, '')
}

/**
 * Parse a user's or the backend's amount into fen. Accepts "1,234.5", "１２３", "-3", "0.05".
 * Returns null for anything that is not a plain amount or has more than two decimals.
 * An empty string is null too; callers decide whether blank means zero.
 */
export function parseFen(input: string | null | undefined): bigint | null {
  if (input === null || input === undefined) return null
  const s = normaliseInput(String(input))
  const m = s.match(/^([+-]?)(\d*)(?:\.(\d{0,2}))?$/)
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null
  const yuan = BigInt(m[2] === '' ? '0' : m[2])
  const cents = BigInt((m[3] ?? '').padEnd(2, '0'))
  const fen = yuan * 100n + cents
  return m[1] === '-' ? -fen : fen
}

/** Fen → plain two-decimal string for the backend: -123456n → "-1234.56". */
export function fenToDecimal(fen: bigint): string {
  const neg = fen < 0n
  const abs = neg ? -fen : fen
  const yuan = abs / 100n
  const cents = (abs % 100n).toString().padStart(2, '0')
  return `${neg ? '-' : ''}${yuan.toString()}.${cents}`
}

/** Group an unsigned digit string in threes: "1234567" → "1,234,567". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * A decimal string for display: thousands separators and exactly two decimals.
 * "10000" → "10,000.00", "-1200.5" → "-1,200.50". null/undefined/"" → "". Text that is not
 * an amount is returned unchanged (so a surprise from the backend stays visible).
 */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  const fen = parseFen(value)
  if (fen === null) return String(value)
  const s = fenToDecimal(fen)
  const neg = s.startsWith('-')
  const [int, dec] = (neg ? s.slice(1) : s).split('.')
  return `${neg ? '-' : ''}${groupThousands(int)}.${dec}`
}

/** Like formatMoney but blank for zero — journals and ledgers leave empty cells empty. */
export function formatMoneyBlankZero(value: string | null | undefined): string {
  const fen = parseFen(value ?? '')
  if (fen === null || fen === 0n) return ''
  return formatMoney(value)
}

/** Normalise an amount typed by the user to the backend's "1234.50"; null when invalid. */
export function normaliseAmount(input: string): string | null {
  const fen = parseFen(input)
  return fen === null ? null : fenToDecimal(fen)
}

/** Sum decimal strings exactly; blank strings count as zero, invalid ones make it null. */
export function sumDecimals(values: readonly (string | null | undefined)[]): string | null {
  let total = 0n
  for (const v of values) {
    if (v === null || v === undefined || String(v).trim() === '') continue
    const fen = parseFen(v)
    if (fen === null) return null
    total += fen
  }
  return fenToDecimal(total)
}

/** Two amounts equal to the fen ("1,000" equals "1000.00"). False if either is not an amount. */
export function sameAmount(a: string | null | undefined, b: string | null | undefined): boolean {
  const fa = parseFen(a ?? '')
  const fb = parseFen(b ?? '')
  return fa !== null && fb !== null && fa === fb
}

export function isZeroAmount(v: string | null | undefined): boolean {
  return parseFen(v ?? '') === 0n
}

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
