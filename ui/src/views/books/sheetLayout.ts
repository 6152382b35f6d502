import type { BalanceSheet, StatementRow } from '@/bindings'
// Lays out the 资产负债表 two-sided: assets left; 负债 + 净资产 (with section headings) right;
// the grand totals (资产总计 / 负债和净资产总计) pulled out to share the last row.

export interface SheetCell {
  /** A section heading of the right side, or the row's own kind (total, account, detail, difference). */
  kind: 'heading' | StatementRow['kind']
  label?: string
  row?: StatementRow
}
export interface SheetLayout {
  body: { left: SheetCell | null; right: SheetCell | null }[]
  totalLeft: StatementRow | null
  totalRight: StatementRow | null
}

const cell = (row: StatementRow): SheetCell => ({ kind: row.kind, row })

export function balanceSheetRows(bs: BalanceSheet, headings: { liabilities: string; netAssets: string }): SheetLayout {
  const assets = [...bs.assets]
  const grandLeftIdx = assets.map((r) => r.kind).lastIndexOf('total')
  const totalLeft = grandLeftIdx >= 0 ? assets.splice(grandLeftIdx, 1)[0] : null

  const net = [...bs.net_assets]
  const grandRightIdx = net.map((r) => r.kind).lastIndexOf('total')
  // The last net-assets row is 负债和净资产总计 when there are two totals in the section.
  const totals = net.filter((r) => r.kind === 'total').length
  const totalRight = totals >= 2 && grandRightIdx >= 0 ? net.splice(grandRightIdx, 1)[0] : null

  const left: SheetCell[] = assets.map(cell)
  const right: SheetCell[] = [
    { kind: 'heading', label: headings.liabilities },
    ...bs.liabilities.map(cell),
    { kind: 'heading', label: headings.netAssets },
    ...net.map(cell),
  ]
  const n = Math.max(left.length, right.length)
  const body = Array.from({ length: n }, (_, i) => ({ left: left[i] ?? null, right: right[i] ?? null }))
  return { body, totalLeft, totalRight }
}
