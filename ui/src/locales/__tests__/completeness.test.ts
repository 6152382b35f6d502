import { describe, expect, it } from 'vitest'
import zhCN from '../zh-CN'
import en from '../en'
import { PROVINCES } from '../provinces'

function leaves(obj: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (v && typeof v === 'object') for (const [kk, vv] of leaves(v, key)) out.set(kk, vv)
    else out.set(key, v)
  }
  return out
}

describe('the translations', () => {
  const zh = leaves(zhCN)
  const enl = leaves(en)

  it('have exactly the same keys in Chinese and English', () => {
    expect([...enl.keys()].sort()).toEqual([...zh.keys()].sort())
  })

  it('have no empty value in either language', () => {
    for (const [lang, map] of [['zh-CN', zh], ['en', enl]] as const) {
      const empty = [...map].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => `${lang}:${k}`)
      expect(empty).toEqual([])
    }
  })

  it('have a text for every backend error code', () => {
    const codes = [
      'validation', 'not_found', 'permission_denied', 'auth_failed', 'conflict', 'period_closed',
      'not_initialized', 'already_initialized', 'unknown_command', 'bad_args', 'db_integrity',
      'schema_too_new', 'io', 'internal',
    ]
    for (const c of codes) expect(zh.has(`errors.${c}`), c).toBe(true)
  })

  it('name all 31 provinces', () => {
    expect(PROVINCES).toHaveLength(31)
    for (const p of PROVINCES) expect(zh.get(`provinces.${p.key}`)).toBe(p.value)
  })
})
