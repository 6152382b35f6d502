// Every literal translation key the entry and voucher screens use exists in both languages.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'

const src = resolve(__dirname, '../../..')
const dirs = ['views/entry', 'views/vouchers', 'components']

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return f === '__tests__' ? [] : files(p)
    return /\.(vue|ts)$/.test(f) ? [p] : []
  })
}

function lookup(obj: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj)
}

describe('the entry and voucher screens', () => {
  it('use only translation keys that exist in Chinese and English', () => {
    const keys = new Set<string>()
    for (const f of dirs.flatMap((d) => files(join(src, d)))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('((?:entry|vouchers|common)\.[\w.]+)'/g)) keys.add(m[1])
    }
    expect(keys.size).toBeGreaterThan(100)
    const missing = [...keys].filter((k) => typeof lookup(zhCN, k) !== 'string' || typeof lookup(en, k) !== 'string')
    expect(missing).toEqual([])
  })

  it('have a plain label for every voucher source and every tab', () => {
    for (const s of ['manual', 'entry', 'dues', 'welfare', 'opening', 'closing', 'import', 'reversal']) {
      expect(lookup(zhCN, `vouchers.sources.${s}`)).toBeTruthy()
    }
    for (const k of ['income', 'expense', 'transfer']) expect(lookup(zhCN, `entry.tabs.${k}`)).toBeTruthy()
  })
})
