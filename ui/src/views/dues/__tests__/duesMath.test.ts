import { describe, expect, it } from 'vitest'
import { addMonths, chargeState, chargeTotals, coveredBy, defaultPayDate, monthEnd } from '../duesMath'
import type { Charge } from '@/bindings'

const charge = (id: number, month: string, due: string, paid = '0.00'): Charge => ({
  id,
  member_id: 1,
  member_no: '0001',
  member_name: '张三',
  month,
  kind: 'regular',
  kind_label: '月度会费',
  seq: 0,
  base: '5670.00',
  due,
  paid,
  outstanding: subtract(due, paid),
})
function subtract(a: string, b: string): string {
  const f = (s: string) => BigInt(s.replace('.', ''))
  const d = f(a) - f(b)
  return `${d / 100n}.${String(d % 100n).padStart(2, '0')}`
}

describe('dues dates', () => {
  it('know the last day of every month, leap years included', () => {
    expect(monthEnd('2026-10')).toBe('2026-10-31')
    expect(monthEnd('2026-02')).toBe('2026-02-28')
    expect(monthEnd('2024-02')).toBe('2024-02-29')
    expect(monthEnd('2026-12')).toBe('2026-12-31')
  })

  it("default a payment to today within the month, else to the month's last day", () => {
    expect(defaultPayDate('2026-11', '2026-11-23')).toBe('2026-11-23')
    expect(defaultPayDate('2026-10', '2026-11-23')).toBe('2026-10-31')
  })

  it('step months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2026-12', 1)).toBe('2027-01')
    expect(addMonths('2026-05', -17)).toBe('2024-12')
  })
})

describe('dues amounts', () => {
  it('add up charges to the fen without floats', () => {
    const cs = [charge(1, '2026-10', '0.10'), charge(2, '2026-10', '0.20'), charge(3, '2026-10', '28.35', '28.35')]
    expect(chargeTotals(cs)).toEqual({ due: '28.65', paid: '28.35', outstanding: '0.30' })
  })

  it('tell paid, part-paid, unpaid and exempt charges apart', () => {
    expect(chargeState({ due: '28.35', paid: '28.35' })).toBe('paid')
    expect(chargeState({ due: '28.35', paid: '10.00' })).toBe('partly')
    expect(chargeState({ due: '28.35', paid: '0.00' })).toBe('unpaid')
    expect(chargeState({ due: '0.00', paid: '0.00' })).toBe('none')
  })

  it('preview a payment covering the oldest months first, the last one partly', () => {
    const owed = [charge(1, '2026-08', '28.35'), charge(2, '2026-09', '28.35'), charge(3, '2026-10', '28.35')]
    expect(coveredBy(owed, '40.00')).toEqual([
      { id: 1, month: '2026-08', amount: '28.35', partial: false },
      { id: 2, month: '2026-09', amount: '11.65', partial: true },
    ])
    expect(coveredBy(owed, '85.05').map((c) => c.partial)).toEqual([false, false, false])
  })
})

describe('printing a sheet', () => {
  it('sets the page to A4 portrait, A4 landscape or half-A4', async () => {
    const { sheetPageCss } = await import('@/components/printSheet')
    expect(sheetPageCss('a4')).toContain('A4 portrait')
    expect(sheetPageCss('a4-landscape')).toContain('A4 landscape')
    expect(sheetPageCss('half')).toContain('210mm 148mm')
  })
})
