// Typing a date into an Element Plus date picker and pressing Enter (what a fast typist — and
// the e2e harness — does) should set it even when the picker's own parser is picky.
export function typedDate(ev: Event): string | null {
  const el = ev.target as HTMLInputElement | null
  const m = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$/.exec(el?.value ?? '')
  if (!m) return null
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
}

export function typedMonth(ev: Event): string | null {
  const el = ev.target as HTMLInputElement | null
  const m = /^\s*(\d{4})[-/.年](\d{1,2})月?\s*$/.exec(el?.value ?? '')
  if (!m) return null
  return `${m[1]}-${m[2].padStart(2, '0')}`
}
