import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import { plotValue } from '../dashboardCharts'

function lookup(obj: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj)
}

describe('the dashboard', () => {
  it('uses only translation keys that exist in both languages', () => {
    const missing: string[] = []
    for (const f of ['HomeView.vue']) {
      const text = readFileSync(join(__dirname, '..', f), 'utf8')
      for (const m of text.matchAll(/\bt\('((?:dashboard|home|nav|roles)\.[\w.]+)'/g)) {
        for (const [lang, msgs] of [['zh-CN', zhCN], ['en', en]] as const) {
          if (typeof lookup(msgs, m[1]) !== 'string') missing.push(`${lang}:${m[1]}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('turns amounts into numbers only for plotting, with gaps for missing months', () => {
    expect(plotValue('64074.50')).toBe(64074.5)
    expect(plotValue('-3456.78')).toBe(-3456.78)
    expect(plotValue(null)).toBeNull()
  })
})
