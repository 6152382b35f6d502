// Finding an account the way a treasurer types: by code ("50105", "501"), by name ("会员"), or by
// the pinyin initials the chart carries ("hyhd" → 会员活动支出, pinyin "hyhdzc").

export interface Searchable {
  code: string
  name: string
  pinyin?: string
  /** Extra words that should also match (e.g. a plain-language hint). */
  hint?: string
}

/** 0 = no match; higher = better (exact code, code prefix, pinyin prefix, name, anywhere). */
export function accountScore(a: Searchable, query: string): number {
  const q = query.trim().toLowerCase()
  if (!q) return 1
  if (a.code === q) return 100
  if (a.code.startsWith(q)) return 80
  const py = (a.pinyin ?? '').toLowerCase()
  if (py && py.startsWith(q)) return 60
  if (a.name.toLowerCase().includes(q)) return 50
  if (py && py.includes(q)) return 30
  if (a.code.includes(q)) return 20
  if (a.hint && a.hint.toLowerCase().includes(q)) return 10
  return 0
}

/** The accounts matching `query`, best first, stable within a score (chart order). */
export function searchAccounts<T extends Searchable>(items: readonly T[], query: string): T[] {
  return items
    .map((a, i) => ({ a, i, s: accountScore(a, query) }))
    .filter((x) => x.s > 0)
    .sort((x, y) => y.s - x.s || x.i - y.i)
    .map((x) => x.a)
}
