import { describe, expect, it } from 'vitest'
import { money, time } from '../format'

describe('audit display helpers', () => {
  it('group money by thousands without touching the digits', () => {
    expect(money('1234567.50')).toBe('1,234,567.50')
    expect(money('-1200.00')).toBe('-1,200.00')
    expect(money('88.80')).toBe('88.80')
    expect(money('')).toBe('')
  })
  it('show a stored time to the minute', () => {
    expect(time('2026-11-23T15:04:34')).toBe('2026-11-23 15:04')
    expect(time(null)).toBe('')
  })
})
