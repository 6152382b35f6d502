import { describe, expect, it } from 'vitest'
import { openingPayload, openingTotals, sideColumns, trialBalanceBalanced } from '../reportMath'
import { buildTree, filterTree, matchAccount } from '../accountTree'
import { balanceSheetRows } from '../sheetLayout'
import { BOOKS_PAGES } from '../pages'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import type { Account, BalanceSheet, StatementRow } from '@/bindings'

const acc = (code: string, name: string, parent: string | null, pinyin = ''): Account => ({
  code,
  name,
  parent_code: parent,
  pinyin,
  class: 'expense',
  normal_side: 'debit',
  is_standard: true,
  is_leaf: true,
  active: true,
  chart_version: '2021-grassroots',
  display: `${code} ${name}`,
  level: parent ? 2 : 1,
})

describe('trial balance columns', () => {
  it('puts a positive balance on the normal side and a negative one on the other', () => {
    expect(sideColumns('100.00', 'debit')).toEqual({ debit: '100.00', credit: '' })
    expect(sideColumns('100.00', 'credit')).toEqual({ debit: '', credit: '100.00' })
    expect(sideColumns('-25.50', 'debit')).toEqual({ debit: '', credit: '25.50' })
    expect(sideColumns('-25.50', 'credit')).toEqual({ debit: '25.50', credit: '' })
    expect(sideColumns('0.00', 'debit')).toEqual({ debit: '', credit: '' })
  })

  it('balances only when all three pairs agree to the fen', () => {
    const ok = {
      opening_debit: '10.00',
      opening_credit: '10',
      debit: '11200.00',
      credit: '11200.00',
      closing_debit: '1.01',
      closing_credit: '1.01',
    }
    expect(trialBalanceBalanced(ok)).toBe(true)
    expect(trialBalanceBalanced({ ...ok, closing_credit: '1.00' })).toBe(false)
  })
})

describe('opening balances', () => {
  it('totals each side in fen, blank as zero, and reports bad input', () => {
    const rows = [
      { code: '101', normal_side: 'debit' as const, amount: '1,000.10' },
      { code: '102', normal_side: 'debit' as const, amount: '0.20' },
      { code: '322', normal_side: 'credit' as const, amount: '1000.30' },
      { code: '211', normal_side: 'credit' as const, amount: '' },
    ]
    const tot = openingTotals(rows)
    expect(tot).toEqual({ debit: '1000.30', credit: '1000.30', difference: '0.00', balanced: true, invalid: [] })
    const bad = openingTotals([...rows, { code: '135', normal_side: 'debit', amount: '1.234' }])
    expect(bad.balanced).toBe(false)
    expect(bad.invalid).toEqual(['135'])
    expect(openingTotals([{ code: '101', normal_side: 'debit', amount: '5' }]).difference).toBe('5.00')
  })

  it('sends only non-zero amounts, normalised', () => {
    expect(
      openingPayload([
        { code: '101', normal_side: 'debit', amount: '1,000.1' },
        { code: '102', normal_side: 'debit', amount: '0' },
        { code: '322', normal_side: 'credit', amount: '' },
      ]),
    ).toEqual([{ account_code: '101', amount: '1000.10' }])
  })
})

describe('chart helpers', () => {
  const chart = [acc('50105', '会员活动支出', '501', 'hyhdzc'), acc('501', '职工活动支出', null, 'zghdzc'), acc('102', '银行存款', null, 'yhck')]

  it('finds an account by code, name or pinyin initials', () => {
    expect(matchAccount(chart[0], '501')).toBe(true)
    expect(matchAccount(chart[0], '会员')).toBe(true)
    expect(matchAccount(chart[0], 'HYHD')).toBe(true)
    expect(matchAccount(chart[0], 'yhck')).toBe(false)
  })

  it('builds a tree in code order and filters it keeping ancestors', () => {
    const tree = buildTree(chart)
    expect(tree.map((n) => n.code)).toEqual(['102', '501'])
    expect(tree[1].children?.map((n) => n.code)).toEqual(['50105'])
    const f = filterTree(tree, 'hyhd')
    expect(f.map((n) => n.code)).toEqual(['501'])
    expect(f[0].children?.map((n) => n.code)).toEqual(['50105'])
  })
})

describe('balance sheet layout', () => {
  const r = (line: number, item: string, kind: StatementRow['kind'], b = '0.00'): StatementRow => ({
    line,
    item,
    code: null,
    kind,
    indent: kind === 'total' ? 0 : 1,
    a: '0.00',
    b,
  })
  const bs: BalanceSheet = {
    title: '资产负债表',
    form_no: '工会01表',
    period: '2026-10',
    columns: ['年初数', '期末数'],
    assets: [r(1, '库存现金', 'account'), r(2, '银行存款', 'account', '8800.00'), r(10, '资产总计', 'total', '8800.00')],
    liabilities: [r(11, '应付上级经费', 'account'), r(13, '负债合计', 'total')],
    net_assets: [r(16, '工会资金结余', 'account', '8800.00'), r(18, '净资产合计', 'total', '8800.00'), r(19, '负债和净资产总计', 'total', '8800.00')],
    total_assets: { year_start: '0.00', end: '8800.00' },
    total_liabilities: { year_start: '0.00', end: '0.00' },
    total_net_assets: { year_start: '0.00', end: '8800.00' },
    total_liabilities_and_net_assets: { year_start: '0.00', end: '8800.00' },
    balanced: true,
  }

  it('sets 资产总计 against 负债和净资产总计 on the last row', () => {
    const l = balanceSheetRows(bs, { liabilities: '负债', netAssets: '净资产' })
    expect(l.totalLeft?.item).toBe('资产总计')
    expect(l.totalRight?.item).toBe('负债和净资产总计')
    expect(l.body.map((p) => p.right?.label ?? p.right?.row?.item)).toEqual(['负债', '应付上级经费', '负债合计', '净资产', '工会资金结余', '净资产合计'])
    expect(l.body.map((p) => p.left?.row?.item ?? null)).toEqual(['库存现金', '银行存款', null, null, null, null])
  })
})

describe('books translations', () => {
  it('name every inner page in both languages', () => {
    for (const key of BOOKS_PAGES) {
      expect(zhCN.books.nav[key], key).toBeTruthy()
      expect(en.books.nav[key], key).toBeTruthy()
    }
  })
})
