// The member form's mapping, the role rule for hardship files, error texts, and the
// translation keys of the 会员 and 会费 screens.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import { AppError } from '@/api/ipc'
import { EVENT_KINDS, STATUSES, DUES_RULES } from '@/api/members'
import { emptyForm, formFromMember, formProblems, idFacts, idFixesPerson, toInput } from '../memberForm'
import { canSeeHardship } from '../roles'
import { domainErrorMessage } from '../errors'
import type { Member } from '@/bindings'

const src = resolve(__dirname, '../../..')

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

describe('the member form', () => {
  it('sends a new member with a normalised wage and leaves blanks out', () => {
    const f = { ...emptyForm(), name: ' 张三 ', gender: '男' as const, join_date: '2010-07-01', wage: '5,678.9', wage_effective_from: '2026-10' }
    const input = toInput(f, true)
    expect(input.name).toBe('张三')
    expect(input.wage).toBe('5678.90')
    expect(input.wage_effective_from).toBe('2026-10')
    expect(input.id_number).toBeNull()
    expect(input.member_no).toBeNull()
    expect(input.fixed_amount).toBeNull()
    expect(input.transfer_in_date).toBeUndefined()
  })

  it('never sends a wage on update (wages change through members_set_wage)', () => {
    const f = { ...emptyForm(), name: '李四', gender: '女' as const, join_date: '2012-01-01', wage: '3000' }
    expect(toInput(f, false).wage).toBeUndefined()
  })

  it('sends the fixed amount only for a fixed-dues member', () => {
    const f = { ...emptyForm(), name: '王五', gender: '男' as const, join_date: '2012-01-01', dues_rule: 'fixed' as const, fixed_amount: '１０' }
    expect(toInput(f, true).fixed_amount).toBe('10.00')
    expect(toInput({ ...f, dues_rule: 'exempt' }, true).fixed_amount).toBeNull()
  })

  it('names what is missing before asking the core', () => {
    expect(formProblems(emptyForm(), true)).toEqual(['name', 'join_date', 'gender'])
    const ok = { ...emptyForm(), name: '赵六', join_date: '2020-01-01', id_number: '110101199003074514' }
    expect(formProblems(ok, true)).toEqual([])
    expect(formProblems({ ...ok, wage: '-1' }, true)).toEqual(['wage'])
    expect(formProblems({ ...ok, dues_rule: 'fixed', fixed_amount: 'abc' }, true)).toEqual(['fixed_amount'])
    expect(formProblems({ ...ok, children: [{ name: '小明', birth_date: null }] }, true)).toEqual(['children'])
  })

  it('keeps the masked ID number of a loaded member so the core keeps the stored one', () => {
    const m = {
      id: 1,
      member_no: '0001',
      name: '张三',
      gender: '男',
      birth_date: '1980-05-01',
      id_number: '3210**********123X',
      phone: '',
      group_id: null,
      group: null,
      department: '',
      join_date: '2010-07-01',
      card_no: '',
      wage_base: '5678.90',
      dues_rule: 'standard',
      fixed_amount: null,
      status: 'active',
      status_label: '在会',
      status_date: '2010-07-01',
      in_membership: true,
      notes: '',
      dues_rule_label: '按工资比例',
      wages: [],
      children: [{ id: 3, name: '张小三', birth_date: '2015-06-01' }],
      events: [],
      hardship: null,
      hardship_files: 0,
      can_delete: true,
      created_at: '',
      updated_at: '',
    } satisfies Member
    const input = toInput(formFromMember(m), false)
    expect(input.id_number).toBe('3210**********123X')
    expect(input.children).toEqual([{ name: '张小三', birth_date: '2015-06-01' }])
  })
})

describe('an ID number', () => {
  it('states the gender and birth date (odd 17th digit = 男)', () => {
    expect(idFacts('110101199003074514')).toEqual({ gender: '男', birth_date: '1990-03-07' })
    expect(idFacts('32108819800501122X')).toEqual({ gender: '女', birth_date: '1980-05-01' })
  })

  it('states nothing when masked, short or with an impossible date', () => {
    expect(idFacts('1101**********4514')).toBeNull()
    expect(idFacts('11010119900307451')).toBeNull()
    expect(idFacts('110101199002304514')).toBeNull()
    expect(idFacts('')).toBeNull()
  })

  it('on file, even masked, fixes gender and birth date in the form', () => {
    expect(idFixesPerson('1101**********4514')).toBe(true)
    expect(idFixesPerson('  ')).toBe(false)
    expect(idFixesPerson(null)).toBe(false)
  })
})

describe('who sees hardship files', () => {
  it('is the treasurer, the chair and the auditor, and nobody without a role', () => {
    expect(canSeeHardship('treasurer')).toBe(true)
    expect(canSeeHardship('chair')).toBe(true)
    expect(canSeeHardship('auditor')).toBe(true)
    expect(canSeeHardship(null)).toBe(false)
    expect(canSeeHardship('member' as never)).toBe(false)
  })
})

describe('errors on the member and dues screens', () => {
  it("show the core's own message for bad input, conflicts and import rows", () => {
    expect(domainErrorMessage(new AppError('validation', '身份证号校验位不正确', { field: 'id_number' }))).toBe('身份证号校验位不正确')
    expect(domainErrorMessage(new AppError('conflict', '有会费或发放记录的会员不能删除'))).toBe('有会费或发放记录的会员不能删除')
    expect(domainErrorMessage(new AppError('internal', 'boom'))).toBeNull()
  })
})

describe('the 会员 and 会费 screens', () => {
  it('use only translation keys that exist in Chinese and English', () => {
    const keys = new Set<string>()
    const dirs = ['views/members', 'views/dues', 'components/PrintPreviewDialog.vue']
    const all = dirs.flatMap((d) => (d.endsWith('.vue') ? [join(src, d)] : files(join(src, d))))
    for (const f of all) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('((?:members|dues|common|nav)\.[\w.]+)'/g)) keys.add(m[1])
    }
    expect(keys.size).toBeGreaterThan(150)
    const missing = [...keys].filter((k) => typeof lookup(zhCN, k) !== 'string' || typeof lookup(en, k) !== 'string')
    expect(missing).toEqual([])
  })

  it('have a label for every status, event, dues rule, charge state, rounding and paper', () => {
    for (const s of STATUSES) expect(lookup(zhCN, `members.status.${s}`)).toBeTruthy()
    for (const e of EVENT_KINDS) expect(lookup(zhCN, `members.event.${e}`)).toBeTruthy()
    for (const r of DUES_RULES) expect(lookup(zhCN, `members.rule.${r}`)).toBeTruthy()
    for (const s of ['paid', 'partly', 'unpaid', 'none']) expect(lookup(zhCN, `dues.state.${s}`)).toBeTruthy()
    for (const k of ['regular', 'back']) expect(lookup(en, `dues.kind.${k}`)).toBeTruthy()
    for (const r of ['fen', 'jiao', 'yuan']) expect(lookup(en, `dues.rounding.${r}`)).toBeTruthy()
    for (const p of ['a4', 'a4-landscape', 'half']) expect(lookup(zhCN, `members.print.papers.${p}`)).toBeTruthy()
  })
})
