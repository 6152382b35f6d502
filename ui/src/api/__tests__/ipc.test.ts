import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import type { PostedVoucher, SessionUser } from '@/bindings'

const invoke = vi.fn()
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }))

import { AppError, call, errorMessage } from '../ipc'
import { i18n, setLocale } from '@/locales'

describe('the ipc wrapper', () => {
  beforeEach(() => {
    invoke.mockReset()
    setLocale('zh-CN')
  })

  it('sends every command through `call` as {name, args}', async () => {
    invoke.mockResolvedValue({ ok: 1 })
    await expect(call('members_get', { id: 1 })).resolves.toEqual({ ok: 1 })
    expect(invoke).toHaveBeenCalledWith('call', { name: 'members_get', args: { id: 1 } })
  })

  it('types each command by its name from the generated bindings (checked by vue-tsc)', () => {
    invoke.mockResolvedValue(null)
    expectTypeOf(call('ledger_vouchers_get', { id: 1 })).resolves.toEqualTypeOf<PostedVoucher>()
    expectTypeOf(call('session_current')).resolves.toEqualTypeOf<SessionUser | null>()
    // @ts-expect-error vouchers_get needs its id
    void call('ledger_vouchers_get')
    // @ts-expect-error users_list takes no arguments
    void call('users_list', { x: 1 })
  })

  it('sends empty args as an empty object', async () => {
    invoke.mockResolvedValue(null)
    await call('session_logout')
    expect(invoke).toHaveBeenCalledWith('call', { name: 'session_logout', args: {} })
  })

  it('turns a backend error object into an AppError carrying its code and details', async () => {
    invoke.mockRejectedValue({ code: 'validation', message: '密码至少 6 位', details: { field: 'chair.password' } })
    const err = (await call('session_login', { password: '' }).catch((e: unknown) => e)) as AppError
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe('validation')
    expect(err.message).toBe('密码至少 6 位')
    expect(err.details).toEqual({ field: 'chair.password' })
  })

  it('turns a bare string rejection into an internal AppError', async () => {
    invoke.mockRejectedValue('boom')
    const err = (await call('app_info').catch((e: unknown) => e)) as AppError
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe('internal')
  })

  it('shows the core\'s own specific message for bad input, with the generic text first in English', () => {
    const e = new AppError('validation', '请填写工会名称', { field: 'union_name' })
    expect(errorMessage(e)).toBe('请填写工会名称')
    setLocale('en')
    expect(errorMessage(e)).toBe('Invalid input: Union name — 请填写工会名称')
  })

  it('translates nested field paths such as auditor.name in the generic text', () => {
    setLocale('en')
    const e = new AppError('validation', '请填写姓名', { field: 'auditor.name' })
    expect(errorMessage(e)).toContain('Auditor')
  })

  it('shows the translation for a code without details', () => {
    expect(errorMessage({ code: 'auth_failed', message: 'whatever' })).toBe(i18n.global.t('errors.auth_failed'))
  })

  it('falls back to the backend message when the details cannot fill the text', () => {
    expect(errorMessage(new AppError('validation', '建账月份格式不正确'))).toBe('建账月份格式不正确')
  })

  it('falls back to the backend message for an unknown code', () => {
    expect(errorMessage(new AppError('brand_new_code', '后端给出的中文说明'))).toBe('后端给出的中文说明')
  })
})
