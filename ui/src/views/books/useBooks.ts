// State shared by the 账簿报表 pages: the chosen months and year survive switching between
// reports, and the book's start month / union name are fetched once.
import { computed, ref } from 'vue'
import { getSettings } from '@/api/settings'
import { isMonth, monthOf } from '@/utils/format'
import { currentLocale } from '@/locales'

const startMonth = ref<string>('')
const unionName = ref<string>('')
const today = monthOf(new Date())

const from = ref<string>(today)
const to = ref<string>(today)
const period = ref<string>(today)
const year = ref<number>(Number(today.slice(0, 4)))
let loaded: Promise<void> | null = null

/** Keep the default month inside the book: not before its start month. */
function clampDefaults() {
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
  const first = isMonth(startMonth.value) ? Number(startMonth.value.slice(0, 4)) : Number(today.slice(0, 4))
  const last = Math.max(Number(today.slice(0, 4)) + 1, first)
  const out: number[] = []
  for (let y = last; y >= first; y--) out.push(y)
  return out
})

export const dateLocale = computed(() => currentLocale())

export function useBooksState() {
  return { startMonth, unionName, from, to, period, year, yearOptions, dateLocale }
}
