import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'

const dir = join(__dirname, '..')
const sources = [
  ...readdirSync(dir).filter((f) => f.endsWith('.vue')).map((f) => join(dir, f)),
  join(dir, '../settings/SettingsView.vue'),
  join(dir, '../setup/BookSetup.vue'),
  join(dir, '../entry/EntryForm.vue'),
  join(dir, '../vouchers/VoucherEditor.vue'),
]

function lookup(obj: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj)
}

describe('the audit views', () => {
  it('use only translation keys that exist in both languages', () => {
    const missing: string[] = []
    for (const file of sources) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\bt\('(audit\.[\w.]+)'/g)) {
        for (const [lang, msgs] of [['zh-CN', zhCN], ['en', en]] as const) {
          if (typeof lookup(msgs, m[1]) !== 'string') missing.push(`${lang}:${m[1]}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('have a label for every tab and report section they build keys for', () => {
    for (const k of ['approval', 'mine', 'review', 'queries', 'log', 'report']) expect(lookup(zhCN, `audit.tabs.${k}`)).toBeTruthy()
    for (const k of ['draft', 'submitted', 'approved', 'rejected']) expect(lookup(en, `audit.entry.status.${k}`)).toBeTruthy()
    for (const k of ['overview', 'findings', 'suggestions']) {
      expect(lookup(en, `audit.report.${k}`)).toBeTruthy()
      expect(lookup(en, `audit.report.${k}Hint`)).toBeTruthy()
    }
  })
})
