import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }))

import type { Role } from '@/bindings'
import { AppError } from '@/api/ipc'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import {
  accountNeedsTwo,
  actingMayAsk,
  CHAIR,
  CHAIR_AND_AUDITOR,
  confirmArgs,
  confirmReady,
  controlNeedsTwo,
  eligibleOfficers,
  isConfirmError,
  keepOrPropose,
  proposedOfficer,
  type OfficerRule,
} from '../officers'

const users = [
  { id: 1, name: '王会计', role: 'treasurer' as Role, active: true },
  { id: 2, name: '李主席', role: 'chair' as Role, active: true },
  { id: 3, name: '张经审', role: 'auditor' as Role, active: true },
  { id: 4, name: '赵出纳', role: 'treasurer' as Role, active: true },
  { id: 5, name: '钱经审', role: 'auditor' as Role, active: false },
]
const [treasurer, chair, auditor, treasurer2] = users
const reset = (target: { id: number; role: Role }): OfficerRule => ({ kind: 'password_reset', target })
const names = (rule: OfficerRule, acting: { id: number; role: Role }) => eligibleOfficers(rule, acting, users).map((u) => u.name)

describe('the second officer', () => {
  it('proposes the auditor when the chair reopens a month or switches a control off, and the chair when the auditor acts', () => {
    expect(proposedOfficer(CHAIR_AND_AUDITOR, chair, users)).toBe('张经审')
    expect(proposedOfficer(CHAIR_AND_AUDITOR, auditor, users)).toBe('李主席')
    // Never the logged-in user, never a treasurer, never a disabled account.
    expect(names(CHAIR_AND_AUDITOR, chair)).toEqual(['张经审'])
  })

  it('offers no one to the treasurer for the chair-and-auditor acts', () => {
    expect(actingMayAsk(CHAIR_AND_AUDITOR, treasurer)).toBe(false)
    expect(names(CHAIR_AND_AUDITOR, treasurer)).toEqual([])
    expect(proposedOfficer(CHAIR_AND_AUDITOR, treasurer, users)).toBe('')
    expect(actingMayAsk(CHAIR_AND_AUDITOR, null)).toBe(false)
  })

  it('resets a forgotten password with two officers other than its owner, the missing role first', () => {
    // A chair's: the auditor with the treasurer.
    expect(proposedOfficer(reset(chair), auditor, users)).toBe('王会计')
    expect(proposedOfficer(reset(chair), treasurer, users)).toBe('张经审')
    // An auditor's: the chair with the treasurer.
    expect(proposedOfficer(reset(auditor), chair, users)).toBe('王会计')
    expect(proposedOfficer(reset(auditor), treasurer, users)).toBe('李主席')
    // A treasurer's: the chair with the auditor.
    expect(proposedOfficer(reset(treasurer), chair, users)).toBe('张经审')
    expect(names(reset(treasurer), chair)).toEqual(['张经审', '赵出纳'])
    // Two treasurers alone never reset anyone's password; the owner never confirms their own.
    expect(names(reset(treasurer2), treasurer)).toEqual(['李主席', '张经审'])
    expect(names(reset(chair), treasurer)).toEqual(['张经审'])
  })

  it('does not ask for a second officer for your own password', () => {
    expect(actingMayAsk(reset(chair), chair)).toBe(false)
    expect(eligibleOfficers(reset(chair), chair, users)).toEqual([])
  })

  it("offers only the chair for a welfare override on the treasurer's screen", () => {
    expect(names(CHAIR, treasurer)).toEqual(['李主席'])
  })

  it('keeps the officer already picked while they qualify', () => {
    expect(keepOrPropose('张经审', CHAIR_AND_AUDITOR, chair, users)).toBe('张经审')
    expect(keepOrPropose('王会计', CHAIR_AND_AUDITOR, chair, users)).toBe('张经审')
    expect(keepOrPropose('', reset(treasurer2), treasurer, users)).toBe('李主席')
  })

  it('knows which acts need two: off but not on, chair and auditor accounts but not treasurers', () => {
    expect(controlNeedsTwo(false)).toBe(true)
    expect(controlNeedsTwo(true)).toBe(false)
    expect(accountNeedsTwo('chair')).toBe(true)
    expect(accountNeedsTwo('auditor')).toBe(true)
    expect(accountNeedsTwo('treasurer')).toBe(false)
  })

  it('sends the trimmed name and the password as confirm_user/confirm_password', () => {
    expect(confirmReady({ confirm_user: ' 张经审 ', confirm_password: '' })).toBe(false)
    expect(confirmReady({ confirm_user: '', confirm_password: 'x' })).toBe(false)
    expect(confirmReady({ confirm_user: '张经审', confirm_password: 'secret1' })).toBe(true)
    expect(confirmArgs({ confirm_user: ' 张经审 ', confirm_password: 'secret1' })).toEqual({ confirm_user: '张经审', confirm_password: 'secret1' })
  })

  it("tells the second officer's errors from the others", () => {
    expect(isConfirmError(new AppError('validation', '第二位负责人“张经审”的姓名或密码不正确', { field: 'confirm_password' }))).toBe(true)
    expect(isConfirmError(new AppError('validation', '反结账须由两位负责人共同确认', { field: 'confirm_user' }))).toBe(true)
    expect(isConfirmError(new AppError('permission_denied', '权限不足'))).toBe(true)
    expect(isConfirmError(new AppError('validation', '请写明原因', { field: 'reason' }))).toBe(false)
  })

  it('has a reason, in both languages, for every place that asks', () => {
    const src = readFileSync(join(__dirname, '../../components/SecondOfficerFields.vue'), 'utf8')
    const whys = [...(src.match(/export type OfficerWhy = ([^\n]+)/)?.[1].matchAll(/'(\w+)'/g) ?? [])].map((m) => m[1])
    expect(whys.length).toBeGreaterThan(5)
    for (const w of whys) {
      expect((zhCN.officers.why as Record<string, string>)[w], w).toBeTruthy()
      expect((en.officers.why as Record<string, string>)[w], w).toBeTruthy()
    }
    expect(zhCN.officers.why.reopen).toContain('工会主席与经审委员共同确认')
  })
})
