// The business date. "Today" is the core's one clock (app_info.today, which honours
// UNION_LEDGER_TODAY), never the webview's: every default date, month and year a page offers
// is read from here. The session store sets it from app_info at start-up and again whenever a
// book is opened, created or set up. Pure arithmetic on a given date string is fine elsewhere;
// deciding what today is is not.
import { computed, ref } from 'vue'

const current = ref<string | null>(null)

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** Take today's date from the core (app_info.today, "YYYY-MM-DD"). */
export function setToday(date: string): void {
  if (!DATE.test(date)) throw new Error(`app_info.today should be YYYY-MM-DD, got "${date}"`)
  current.value = date
}

/** Forget the date (tests). */
export function clearToday(): void {
  current.value = null
}

/** Today as YYYY-MM-DD, by the core's clock. Pages mount only after app_info has loaded. */
export function today(): string {
  if (current.value === null) throw new Error('today is not known yet: app_info has not been loaded')
  return current.value
}

/** This month, YYYY-MM. */
export function thisMonth(): string {
  return today().slice(0, 7)
}

/** This year, e.g. 2026. */
export function thisYear(): number {
  return Number(today().slice(0, 4))
}

/** The month before this one, YYYY-MM ("2027-01" → "2026-12"). */
export function lastMonth(): string {
  const [y, m] = thisMonth().split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** Reactive view for templates and computed values. */
export function useToday() {
  return {
    date: computed(() => current.value),
    month: computed(() => current.value?.slice(0, 7) ?? null),
    year: computed(() => (current.value ? Number(current.value.slice(0, 4)) : null)),
  }
}

/**
 * A default date inside `year`: today when today is in that year, else the year's last day
 * (a past year) or first day (a future year). Pure: the caller passes today in.
 */
export function dateInYear(year: number, todayDate: string): string {
  const y = Number(todayDate.slice(0, 4))
  if (year === y) return todayDate
  return year < y ? `${year}-12-31` : `${year}-01-01`
}
