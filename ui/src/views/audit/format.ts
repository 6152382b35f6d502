// Display helpers for the audit views. Money is formatted by @/utils/money.

/** "2026-11-23T15:04:34" → "2026-11-23 15:04". */
export function time(v: string | null | undefined): string {
  return v ? v.slice(0, 16).replace('T', ' ') : ''
}
