// Small pure helpers for the 会费 screens (tested in __tests__/duesMath.test.ts). Money is
// summed as BigInt fen through utils/money, never as floats.
import { addMoney, compareMoney, isZeroMoney, subMoney } from '@/utils/money'
import type { Charge } from '@/bindings'

/** Last day of a month: "2026-02" → "2026-02-28". */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map((s) => parseInt(s, 10))
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${month}-${String(last).padStart(2, '0')}`
}

/** The date a month's payment defaults to: today inside that month, else the month's last day. */
export function defaultPayDate(month: string, today: string): string {
  return today.startsWith(month) ? today : monthEnd(month)
}

/** Month before/after: "2026-01", -1 → "2025-12". */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map((s) => parseInt(s, 10))
  const idx = y * 12 + (m - 1) + n
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`
}

/** Totals of a list of charges (due, paid, outstanding) as decimal strings. */
export function chargeTotals(charges: readonly Charge[]): { due: string; paid: string; outstanding: string } {
  return {
    due: addMoney(...charges.map((c) => c.due)),
    paid: addMoney(...charges.map((c) => c.paid)),
    outstanding: addMoney(...charges.map((c) => c.outstanding)),
  }
}

export type ChargeState = 'paid' | 'partly' | 'unpaid' | 'none'
export function chargeState(c: Pick<Charge, 'due' | 'paid'>): ChargeState {
  if (isZeroMoney(c.due)) return 'none'
  if (compareMoney(c.paid, c.due) >= 0) return 'paid'
  return isZeroMoney(c.paid) ? 'unpaid' : 'partly'
}

/**
 * What the oldest-first rule will cover with `amount` (the core decides; this is the
 * form's preview): the charges touched and whether the last is only partly paid.
 */
export function coveredBy(charges: readonly Charge[], amount: string): { id: number; month: string; amount: string; partial: boolean }[] {
  const out: { id: number; month: string; amount: string; partial: boolean }[] = []
  let left = amount
  for (const c of charges) {
    if (compareMoney(left, '0') <= 0) break
    const take = compareMoney(left, c.outstanding) >= 0 ? c.outstanding : left
    out.push({ id: c.id, month: c.month, amount: addMoney(take), partial: compareMoney(take, c.outstanding) < 0 })
    left = subMoney(left, take)
  }
  return out
}
