import { describe, expect, it } from 'vitest'
import { time } from '../format'

describe('audit display helpers', () => {
  it('show a stored time to the minute', () => {
    expect(time('2026-11-23T15:04:34')).toBe('2026-11-23 15:04')
    expect(time(null)).toBe('')
  })
})
