import { describe, expect, it } from 'vitest'
import { searchAccounts } from '../accountSearch'

const chart = [
  { code: '501', name: '职工活动支出', pinyin: 'zghdzc' },
  { code: '50101', name: '职工教育支出', pinyin: 'zgjyzc' },
  { code: '50105', name: '会员活动支出', pinyin: 'hyhdzc', hint: '节日、生日慰问' },
  { code: '102', name: '银行存款', pinyin: 'yhck' },
  { code: '401', name: '会费收入', pinyin: 'hfsr' },
]

describe('finding an account', () => {
  it('finds 50105 会员活动支出 by pinyin initials, by code and by name', () => {
    expect(searchAccounts(chart, 'hyhd')[0].code).toBe('50105')
    expect(searchAccounts(chart, '50105')[0].code).toBe('50105')
    expect(searchAccounts(chart, '会员')[0].code).toBe('50105')
    expect(searchAccounts(chart, 'HYHD')[0].code).toBe('50105')
  })

  it('lists a code prefix in chart order and finds words of the plain hint', () => {
    expect(searchAccounts(chart, '501').map((a) => a.code)).toEqual(['501', '50101', '50105'])
    expect(searchAccounts(chart, '生日').map((a) => a.code)).toEqual(['50105'])
  })

  it('returns everything for an empty query and nothing for a miss', () => {
    expect(searchAccounts(chart, '')).toHaveLength(5)
    expect(searchAccounts(chart, 'zzzz')).toEqual([])
  })
})
