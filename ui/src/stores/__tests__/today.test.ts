import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { clearToday, dateInYear, lastMonth, setToday, thisMonth, thisYear, today, useToday } from '../today'

describe("today, by the core's clock", () => {
  afterEach(() => clearToday())

  it('is what app_info said, with its month and year', () => {
    setToday('2026-12-02')
    expect(today()).toBe('2026-12-02')
    expect(thisMonth()).toBe('2026-12')
    expect(thisYear()).toBe(2026)
    expect(lastMonth()).toBe('2026-11')
    const r = useToday()
    expect([r.date.value, r.month.value, r.year.value]).toEqual(['2026-12-02', '2026-12', 2026])
  })

  it('steps back over a new year', () => {
    setToday('2027-01-31')
    expect(lastMonth()).toBe('2026-12')
  })

  it('follows a new app_info (another book opened)', () => {
    const r = useToday()
    setToday('2026-12-02')
    setToday('2026-12-03')
    expect(r.date.value).toBe('2026-12-03')
  })

  it('refuses to guess before app_info has loaded, and refuses a malformed date', () => {
    expect(() => today()).toThrow(/app_info/)
    expect(useToday().date.value).toBeNull()
    expect(() => setToday('2026-12-2')).toThrow(/YYYY-MM-DD/)
    expect(() => setToday('')).toThrow()
  })

  it('gives a default date inside a chosen year', () => {
    expect(dateInYear(2026, '2026-12-02')).toBe('2026-12-02')
    expect(dateInYear(2025, '2026-12-02')).toBe('2025-12-31')
    expect(dateInYear(2027, '2026-12-02')).toBe('2027-01-01')
  })
})

// The guard: no page decides a business date from the webview's clock. Pure arithmetic on a
// given date (new Date(Date.UTC(y, m, d))) is fine; new Date() and Date.now() are not.
describe('the UI sources', () => {
  const src = join(__dirname, '../..')
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => {
      const p = join(dir, f)
      if (statSync(p).isDirectory()) return f === '__tests__' ? [] : files(p)
      return /\.(ts|vue)$/.test(f) ? [p] : []
    })
  }

  it("never read the machine's clock", () => {
    const offenders: string[] = []
    for (const f of files(src)) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/new Date\(\s*\)|Date\.now\(|new Date\((?!Date\.UTC\()/.test(line)) offenders.push(`${relative(src, f)}:${i + 1}: ${line.trim()}`)
        })
    }
    expect(offenders).toEqual([])
  })
})
