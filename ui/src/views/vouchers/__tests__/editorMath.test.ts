import { describe, expect, it } from 'vitest'
import { differenceText, editorTotals } from '../editorMath'
import { templateCsv } from '../importTemplate'

const line = (debit: string, credit: string) => ({ account_code: '', debit, credit, memo: '' })

describe('the voucher editor totals', () => {
  it('adds typed amounts to the fen and says how far apart the sides are', () => {
    const tot = editorTotals([line('1,000', ''), line('', '1200.00')])
    expect(tot.debit).toBe('1000.00')
    expect(tot.credit).toBe('1200.00')
    expect(tot.difference).toBe('-200.00')
    expect(tot.balanced).toBe(false)
    expect(differenceText(tot.difference)).toBe('¥200.00')
  })

  it('is balanced only when both sides are equal and not zero', () => {
    expect(editorTotals([line('0.1', ''), line('0.2', ''), line('', '0.30')]).balanced).toBe(true)
    expect(editorTotals([line('', ''), line('', '')]).balanced).toBe(false)
  })

  it('names the lines whose amount is not an amount', () => {
    expect(editorTotals([line('12.345', ''), line('', 'abc'), line('5', '')]).badLines).toEqual([1, 2])
  })

  it('formats a large difference with separators', () => {
    expect(differenceText('1234567.80')).toBe('¥1,234,567.80')
    expect(differenceText('-0.05')).toBe('¥0.05')
  })
})

describe('the import template', () => {
  it('has the importer headers and one balanced example voucher', () => {
    const csv = templateCsv('2026-10-31')
    const rows = csv.replace('\ufeff', '').trim().split('\r\n')
    expect(rows[0]).toBe('日期,凭证号,摘要,科目编码,借方金额,贷方金额,附件数')
    expect(rows).toHaveLength(3)
    expect(rows[1]).toContain('50105')
  })
})
