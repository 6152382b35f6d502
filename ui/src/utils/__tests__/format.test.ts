import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatFingerprint, formatPeriod, formatPeriodRange } from '../format'

describe('dates', () => {
  it('writes dates and months the Chinese way', () => {
    expect(formatDate('2026-10-31')).toBe('2026年10月31日')
    expect(formatDate('2026-10-31', 'en')).toBe('2026-10-31')
    expect(formatPeriod('2026-10')).toBe('2026年10月')
    expect(formatPeriodRange('2026-10', '2026-10')).toBe('2026年10月')
    expect(formatPeriodRange('2026-10', '2026-12')).toBe('2026年10月 — 2026年12月')
    expect(formatDateTime('2026-11-23T02:23:59')).toBe('2026年11月23日 02:23')
    expect(formatDate(null)).toBe('')
  })

  it('groups a fingerprint in fours', () => {
    expect(formatFingerprint('ABCDEFGHIJKL')).toBe('ABCD-EFGH-IJKL')
    expect(formatFingerprint('FDTW-NENM-ZPOZ')).toBe('FDTW-NENM-ZPOZ')
  })
})
