// The editor's live totals, in fen on strings (utils/money.ts): never through a float.
import { absMoney, addMoney, compareMoney, formatMoney, isZeroMoney, subMoney, toFen } from '@/utils/money'

export interface EditorLine {
  account_code: string
  debit: string
  credit: string
  memo: string
  /** Optional member the line concerns (whose dues, whose aid). */
  member_id?: number | null
}

export interface EditorTotals {
  debit: string
  credit: string
  /** debit − credit */
  difference: string
  balanced: boolean
  /** Lines whose amount text is not an amount (1-based). */
  badLines: number[]
}

export function editorTotals(lines: readonly EditorLine[]): EditorTotals {
  const badLines: number[] = []
  lines.forEach((l, i) => {
    for (const v of [l.debit, l.credit]) {
      if (v.trim() && toFen(v) === null) {
        badLines.push(i + 1)
        break
      }
    }
  })
  const debit = addMoney(...lines.map((l) => l.debit))
  const credit = addMoney(...lines.map((l) => l.credit))
  const difference = subMoney(debit, credit)
  return { debit, credit, difference, balanced: compareMoney(debit, credit) === 0 && !isZeroMoney(debit), badLines }
}

/** "¥200.00" for the imbalance message, always positive. */
export function differenceText(difference: string): string {
  return `¥${formatMoney(absMoney(difference))}`
}
