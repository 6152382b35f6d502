// Exact arithmetic the books pages do on the client (BigInt fen, never floats).
import { fenToString, sameAmount, toFen } from '@/utils/money'
import type { Side, TrialBalanceTotals } from '@/bindings'

/**
 * A balance signed in the account's normal direction → the 借方 / 贷方 column it belongs in.
 * A negative balance sits on the other side, as a positive number. Zero → both blank.
 */
export function sideColumns(signed: string, normal: Side): { debit: string; credit: string } {
  const fen = toFen(signed)
  if (fen === null) return { debit: signed, credit: '' }
  if (fen === 0n) return { debit: '', credit: '' }
  const abs = fenToString(fen < 0n ? -fen : fen)
  const onNormal = fen > 0n
  const debitSide = (normal === 'debit') === onNormal
  return debitSide ? { debit: abs, credit: '' } : { debit: '', credit: abs }
}

/** The three pairs a 科目余额表 must balance: opening, period, closing. */
export function trialBalanceBalanced(t: TrialBalanceTotals): boolean {
  return (
    sameAmount(t.opening_debit, t.opening_credit) && sameAmount(t.debit, t.credit) && sameAmount(t.closing_debit, t.closing_credit)
  )
}

export interface OpeningInput {
  code: string
  normal_side: Side
  amount: string
}

export interface OpeningTotals {
  debit: string
  credit: string
  /** debit − credit */
  difference: string
  balanced: boolean
  /** codes whose amount is not a valid two-decimal amount */
  invalid: string[]
}

/** Live totals of the 期初余额 grid: each amount counts on its account's normal side. */
export function openingTotals(rows: readonly OpeningInput[]): OpeningTotals {
  let debit = 0n
  let credit = 0n
  const invalid: string[] = []
  for (const r of rows) {
    const raw = (r.amount ?? '').trim()
    if (raw === '') continue
    const fen = toFen(raw)
    if (fen === null) {
      invalid.push(r.code)
      continue
    }
    if (r.normal_side === 'debit') debit += fen
    else credit += fen
  }
  return {
    debit: fenToString(debit),
    credit: fenToString(credit),
    difference: fenToString(debit - credit),
    balanced: debit === credit && invalid.length === 0,
    invalid,
  }
}

/** The balances to send to ledger_opening_set: every non-blank, non-zero amount, normalised. */
export function openingPayload(rows: readonly OpeningInput[]): { account_code: string; amount: string }[] {
  const out: { account_code: string; amount: string }[] = []
  for (const r of rows) {
    const fen = toFen((r.amount ?? '').trim())
    if (fen === null || fen === 0n) continue
    out.push({ account_code: r.code, amount: fenToString(fen) })
  }
  return out
}
