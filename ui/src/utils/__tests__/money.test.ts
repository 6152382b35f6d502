import { describe, expect, it } from 'vitest'
import {
  absMoney,
  addMoney,
  compareMoney,
  fenToString,
  formatMoney,
  formatMoneyOrBlank,
  isZeroMoney,
  normaliseMoney,
  sameAmount,
  subMoney,
  sumDecimals,
  toFen,
} from '../money'

describe('money on strings', () => {
  it('reads what a treasurer types, with separators, full-width digits and a yuan sign', () => {
    expect(toFen('1,234.5')).toBe(123450n)
    expect(toFen('１２３')).toBe(12300n)
    expect(toFen('¥12')).toBe(1200n)
    expect(toFen('.5')).toBe(50n)
    expect(toFen('-3.00')).toBe(-300n)
    expect(toFen(' 10 000 ')).toBe(1000000n)
  })

  it('refuses text that is not an amount or has more than two decimals', () => {
    for (const bad of ['', 'abc', '1.234', '1.2.3', '.', '-', '12元']) expect(toFen(bad), bad).toBeNull()
    expect(normaliseMoney('1,234.5')).toBe('1234.50')
    expect(normaliseMoney('x')).toBeNull()
  })

  it('adds and subtracts to the fen with no float error', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.30')
    expect(addMoney('99999999999999.99', '0.01')).toBe('100000000000000.00')
    expect(subMoney('1000', '1200.00')).toBe('-200.00')
    expect(addMoney('', null, '5')).toBe('5.00')
    expect(fenToString(-5n)).toBe('-0.05')
  })

  it('compares amounts written differently', () => {
    expect(compareMoney('1,000', '1000.00')).toBe(0)
    expect(compareMoney('999.99', '1000')).toBe(-1)
    expect(compareMoney('0.02', '0.01')).toBe(1)
    expect(isZeroMoney('0.00')).toBe(true)
    expect(absMoney('-12.5')).toBe('12.50')
  })

  it('formats with thousands separators and two decimals', () => {
    expect(formatMoney('10000')).toBe('10,000.00')
    expect(formatMoney('1234567.8')).toBe('1,234,567.80')
    expect(formatMoney('-1200.5')).toBe('-1,200.50')
    expect(formatMoney('0')).toBe('0.00')
    expect(formatMoney('')).toBe('')
    expect(formatMoney('n/a')).toBe('n/a')
    expect(formatMoneyOrBlank('0.00')).toBe('')
    expect(formatMoneyOrBlank('12')).toBe('12.00')
  })
})

describe('money formatting (as the books show it)', () => {
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
    expect(formatMoneyOrBlank('0.00')).toBe('')
    expect(formatMoneyOrBlank('5')).toBe('5.00')
  })
})

describe('amount parsing (as the books read it)', () => {
  it('reads what a treasurer types', () => {
    expect(toFen('1,234.5')).toBe(123450n)
    expect(toFen('１２３')).toBe(12300n)
    expect(toFen(' 8 800 ')).toBe(880000n)
    expect(toFen('.5')).toBe(50n)
    expect(toFen('-3')).toBe(-300n)
  })

  it('refuses more than two decimals and non-amounts', () => {
    expect(toFen('1.234')).toBeNull()
    expect(toFen('1e3')).toBeNull()
    expect(toFen('')).toBeNull()
    expect(toFen('-')).toBeNull()
    expect(toFen('.')).toBeNull()
    expect(normaliseMoney('12,345.6')).toBe('12345.60')
    expect(normaliseMoney('x')).toBeNull()
  })

  it('turns fen back into decimals', () => {
    expect(fenToString(0n)).toBe('0.00')
    expect(fenToString(5n)).toBe('0.05')
    expect(fenToString(-123456n)).toBe('-1234.56')
  })

  it('sums and compares exactly', () => {
    expect(sumDecimals(['1,000', '', null, '0.01'])).toBe('1000.01')
    expect(sumDecimals(['1', 'bad'])).toBeNull()
    expect(sameAmount('1,000', '1000.00')).toBe(true)
    expect(sameAmount('1000.01', '1000.00')).toBe(false)
    expect(sameAmount('x', 'x')).toBe(false)
  })
})

describe('money formatting (as the welfare and audit screens show it)', () => {
  it('formats money strings with thousands separators and never through a float', () => {
    expect(formatMoney('1234567.8')).toBe('1,234,567.80')
    expect(formatMoney('0.1')).toBe('0.10')
    expect(formatMoney('-100')).toBe('-100.00')
    expect(formatMoney('90071992547409.99')).toBe('90,071,992,547,409.99')
    expect(formatMoney('1234567.50')).toBe('1,234,567.50')
    expect(formatMoney('-1200.00')).toBe('-1,200.00')
    expect(formatMoney('88.80')).toBe('88.80')
    expect(formatMoney('')).toBe('')
    expect(formatMoney(null)).toBe('')
  })
})
