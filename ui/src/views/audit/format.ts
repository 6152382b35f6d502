// Display helpers for the audit views. Money stays a string (no Number): only commas are added.

/** "1234567.50" → "1,234,567.50"; "-1200.00" → "-1,200.00". */
export function money(v: string | null | undefined): string {
  if (!v) return ''
  const neg = v.startsWith('-')
  const [int, frac] = (neg ? v.slice(1) : v).split('.')
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`
}

/** "2026-11-23T15:04:34" → "2026-11-23 15:04". */
export function time(v: string | null | undefined): string {
  return v ? v.slice(0, 16).replace('T', ' ') : ''
}
