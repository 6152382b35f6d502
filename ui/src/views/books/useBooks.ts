// State shared by the 账簿报表 pages: the chosen months and year survive switching between
// reports, and the book's start month / union name are fetched once. The default month is
// this month by the core's clock (stores/today), never the webview's.
import { computed, ref } from 'vue'
import { getSettings } from '@/api/settings'
import { isMonth } from '@/utils/format'
import { currentLocale } from '@/locales'
import { thisMonth, thisYear } from '@/stores/today'

const startMonth = ref<string>('')
const unionName = ref<string>('')
/** The month the defaults below were taken from ('' until first use). */
let today = ''

const from = ref<string>('')
const to = ref<string>('')
const period = ref<string>('')
const year = ref<number>(0)
let loaded: Promise<void> | null = null

/**
 * Default every choice to this month on first use; when today's month has moved since (another
 * book opened, or past midnight) the choices the user has not touched follow it.
 */
function ensureDefaults() {
  const now = thisMonth()
  if (now === today) return
  for (const r of [from, to, period]) if (!r.value || r.value === today) r.value = now
  if (!year.value || year.value === Number(today.slice(0, 4))) year.value = Number(now.slice(0, 4))
  today = now
}

/** Keep the default month inside the book: not before its start month. */
function clampDefaults() {
  ensureDefaults()
  if (isMonth(startMonth.value) && today < startMonth.value) {
    if (from.value === today) from.value = startMonth.value
    if (to.value === today) to.value = startMonth.value
    if (period.value === today) period.value = startMonth.value
    year.value = Number(startMonth.value.slice(0, 4))
  }
}

export function loadBookInfo(force = false): Promise<void> {
  if (!loaded || force) {
    loaded = getSettings()
      .then((s) => {
        startMonth.value = s.start_month
        unionName.value = s.union_name
        clampDefaults()
      })
      .catch(() => {
        loaded = null
      })
  }
  return loaded
}

/** Years the pickers offer: from the book's start year to next year. */
export const yearOptions = computed(() => {
  const thisY = thisYear()
  const first = isMonth(startMonth.value) ? Number(startMonth.value.slice(0, 4)) : thisY
  const last = Math.max(thisY + 1, first)
  const out: number[] = []
  for (let y = last; y >= first; y--) out.push(y)
  return out
})

export const dateLocale = computed(() => currentLocale())

export function useBooksState() {
  ensureDefaults()
  return { startMonth, unionName, from, to, period, year, yearOptions, dateLocale }
}
