import { describe, expect, it } from 'vitest'
import {
  fenToDecimal,
  formatDate,
  formatDateTime,
  formatFingerprint,
  formatMoney,
  formatMoneyBlankZero,
  formatPeriod,
  formatPeriodRange,
  normaliseAmount,
  parseFen,
  sameAmount,
  sumDecimals,
} from '../format'

describe('money formatting', () => {
  it('adds thousands separators and two decimals', () => {
    expect(formatMoney('10000.00')).toBe('10,000.00')
    expect(formatMoney('1200')).toBe('1,200.00')
    expect(formatMoney('1234567.5')).toBe('1,234,567.50')
    expect(formatMoney('0.00')).toBe('0.00')
    expect(formatMoney('999.99')).toBe('999.99')
  })

  it('keeps the sign of negative amounts', () => {
    expect(formatMoney('-1200.5')).toBe('-1,200.50')
    expect(formatMoney('-0.05')).toBe('-0.05')
  })

  it('is exact far beyond float precision', () => {
    expect(formatMoney('90071992547409931.23')).toBe('90,071,992,547,409,931.23')
    expect(sumDecimals(['0.10', '0.20'])).toBe('0.30')
  })

  it('leaves blanks blank and shows unknown text unchanged', () => {
    expect(formatMoney(null)).toBe('')
    expect(formatMoney('')).toBe('')
    expect(formatMoney('abc')).toBe('abc')
    expect(formatMoneyBlankZero('0.00')).toBe('')
    expect(formatMoneyBlankZero('5')).toBe('5.00')
  })
})

describe('amount parsing', () => {
  it('reads what a treasurer types', () => {
    expect(parseFen('1,234.5')).toBe(123450n)
    expect(parseFen('１２３')).toBe(12300n)
    expect(parseFen(' 8 800 ')).toBe(880000n)
    expect(parseFen('.5')).toBe(50n)
    expect(parseFen('-3')).toBe(-300n)
  })

  it('refuses more than two decimals and non-amounts', () => {
    expect(parseFen('1.234')).toBeNull()
    expect(parseFen('1e3')).toBeNull()
    expect(parseFen('')).toBeNull()
    expect(parseFen('-')).toBeNull()
    expect(parseFen('.')).toBeNull()
    expect(normaliseAmount('12,345.6')).toBe('12345.60')
    expect(normaliseAmount('x')).toBeNull()
  })

  it('turns fen back into decimals', () => {
    expect(fenToDecimal(0n)).toBe('0.00')
    expect(fenToDecimal(5n)).toBe('0.05')
    expect(fenToDecimal(-123456n)).toBe('-1234.56')
  })

  it('sums and compares exactly', () => {
    expect(sumDecimals(['1,000', '', null, '0.01'])).toBe('1000.01')
    expect(sumDecimals(['1', 'bad'])).toBeNull()
    expect(sameAmount('1,000', '1000.00')).toBe(true)
    expect(sameAmount('1000.01', '1000.00')).toBe(false)
    expect(sameAmount('x', 'x')).toBe(false)
  })
})

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
