// The UI's one money library. Amounts are decimal strings ("1234.50") end to end, as the core
// sends them (src/bindings/ types every amount as `string`); arithmetic is on integer fen held
// in BigInt, so nothing ever passes through a float (no Number(), parseFloat or toFixed on an
// amount anywhere in this file). Dates and other display helpers live in format.ts.

const FULLWIDTH = /[０-９]/g

/** Full-width digits and punctuation → ASCII; separators, spaces and a leading ¥ removed. */
function normalise(s: string): string {
  return s
    .replace(FULLWIDTH, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，,\s]/g, '')
    .replace(/[．。]/g, '.')
    .replace(/[－−]/g, '-')
    .replace(/^[¥￥]/, '')
}

/**
 * Text → fen. Accepts "1,234.5", "１２３", "¥12", "-3.00", ".5". Blank → null; anything that
 * is not an amount, or has more than two decimals, → null.
 */
export function toFen(input: string | null | undefined): bigint | null {
  if (input === null || input === undefined) return null
  const s = normalise(String(input))
  const m = /^([+-]?)(\d*)(?:\.(\d{0,2}))?$/.exec(s)
  if (!m || (m[2] === '' && !m[3])) return null
  const fen = BigInt(m[2] || '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0'))
  return m[1] === '-' ? -fen : fen
}

/** Fen → the backend's two-decimal string: 123456n → "1234.56". */
export function fenToString(fen: bigint): string {
  const neg = fen < 0n
  const abs = neg ? -fen : fen
  return `${neg ? '-' : ''}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`
}

/** A user's text as the backend wants it ("1,234.5" → "1234.50"); null when not an amount. */
export function normaliseMoney(input: string | null | undefined): string | null {
  const f = toFen(input)
  return f === null ? null : fenToString(f)
}

/** Sum decimal strings exactly; blank strings count as zero, invalid ones make it null. */
export function sumDecimals(values: readonly (string | null | undefined)[]): string | null {
  let total = 0n
  for (const v of values) {
    if (v === null || v === undefined || String(v).trim() === '') continue
    const fen = toFen(v)
    if (fen === null) return null
    total += fen
  }
  return fenToString(total)
}

/** Two amounts equal to the fen ("1,000" equals "1000.00"). False if either is not an amount. */
export function sameAmount(a: string | null | undefined, b: string | null | undefined): boolean {
  const fa = toFen(a ?? '')
  const fb = toFen(b ?? '')
  return fa !== null && fb !== null && fa === fb
}

/** True only for an amount that is zero ("0", "0.00"); blank and invalid text are not. */
export function isZeroAmount(v: string | null | undefined): boolean {
  return toFen(v ?? '') === 0n
}

/** Blank counts as zero; invalid text also as zero (the form flags it separately). */
function fenOrZero(v: string | null | undefined): bigint {
  return toFen(v) ?? 0n
}

export function addMoney(...values: (string | null | undefined)[]): string {
  return fenToString(values.reduce<bigint>((acc, v) => acc + fenOrZero(v), 0n))
}

export function subMoney(a: string | null | undefined, b: string | null | undefined): string {
  return fenToString(fenOrZero(a) - fenOrZero(b))
}

/** -1, 0 or 1. */
export function compareMoney(a: string | null | undefined, b: string | null | undefined): number {
  const d = fenOrZero(a) - fenOrZero(b)
  return d === 0n ? 0 : d < 0n ? -1 : 1
}

/** Zero, blank or not an amount (compare isZeroAmount). */
export function isZeroMoney(v: string | null | undefined): boolean {
  return fenOrZero(v) === 0n
}

export function isNegativeMoney(v: string | null | undefined): boolean {
  return fenOrZero(v) < 0n
}

/** Absolute value, as a string. */
export function absMoney(v: string | null | undefined): string {
  const f = fenOrZero(v)
  return fenToString(f < 0n ? -f : f)
}

/**
 * For display: thousands separators and two decimals ("10000" → "10,000.00"). Blank → "".
 * Text that is not an amount comes back unchanged so it stays visible.
 */
export function formatMoney(v: string | null | undefined): string {
  if (v === null || v === undefined || String(v).trim() === '') return ''
  const f = toFen(v)
  if (f === null) return String(v)
  const s = fenToString(f)
  const neg = s.startsWith('-')
  const [int, dec] = (neg ? s.slice(1) : s).split('.')
  return `${neg ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`
}

/** Like formatMoney, but zero shows as an empty cell (vouchers, journals and ledgers leave the
 * other side blank). */
export function formatMoneyOrBlank(v: string | null | undefined): string {
  return isZeroMoney(v) ? '' : formatMoney(v)
}
