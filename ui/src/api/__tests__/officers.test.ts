import { beforeEach, describe, expect, it, vi } from 'vitest'

const invoke = vi.fn()
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }))

import { addUser, changeOwnPassword, resetPassword, setUserActive } from '../users'
import { reopenPeriod } from '../books'
import { setControls } from '../audit'

const second = { confirm_user: '张经审', confirm_password: 'secret1' }

describe('the two-officer commands', () => {
  beforeEach(() => {
    invoke.mockReset()
    invoke.mockResolvedValue({})
  })

  const sent = () => invoke.mock.calls[0][1]

  it('reopens a month with the auditor confirming in the same call', async () => {
    await reopenPeriod('2026-10', '漏记手续费', second)
    expect(sent()).toEqual({ name: 'ledger_period_reopen', args: { period: '2026-10', reason: '漏记手续费', ...second } })
  })

  it('switches a control off with the second officer, on without one', async () => {
    await setControls({ approval_required: false, ...second })
    expect(sent()).toEqual({ name: 'book_settings_set_controls', args: { approval_required: false, ...second } })
    invoke.mockClear()
    await setControls({ signoff_required: true })
    expect(sent()).toEqual({ name: 'book_settings_set_controls', args: { signoff_required: true } })
  })

  it("adds or disables a chair's or auditor's account with the second officer", async () => {
    await addUser('孙经审', 'auditor', 'secret2', second)
    expect(sent()).toEqual({ name: 'users_add', args: { name: '孙经审', role: 'auditor', password: 'secret2', ...second } })
    invoke.mockClear()
    await addUser('赵出纳', 'treasurer', 'secret2')
    expect(sent()).toEqual({ name: 'users_add', args: { name: '赵出纳', role: 'treasurer', password: 'secret2' } })
    invoke.mockClear()
    await setUserActive(3, false, second)
    expect(sent()).toEqual({ name: 'users_set_active', args: { id: 3, active: false, ...second } })
  })

  it("changes your own password with the old one, someone else's with a second officer", async () => {
    await changeOwnPassword(2, 'old-pass', 'new-pass')
    expect(sent()).toEqual({ name: 'users_change_password', args: { id: 2, old_password: 'old-pass', new_password: 'new-pass' } })
    invoke.mockClear()
    await resetPassword(1, 'new-pass', second)
    expect(sent()).toEqual({ name: 'users_change_password', args: { id: 1, new_password: 'new-pass', ...second } })
  })
})
