import { beforeEach, describe, expect, it, vi } from 'vitest'

const invoke = vi.fn()
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }))
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: vi.fn() }))

import { formatMoney, postBatch } from '../welfare'

describe('the welfare api', () => {
  beforeEach(() => invoke.mockReset())

  it('formats money strings with thousands separators and never through a float', () => {
    expect(formatMoney('1234567.8')).toBe('1,234,567.80')
    expect(formatMoney('0.1')).toBe('0.10')
    expect(formatMoney('-100')).toBe('-100.00')
    expect(formatMoney('90071992547409.99')).toBe('90,071,992,547,409.99')
    expect(formatMoney(null)).toBe('')
  })

  it("posts with the chair's override reason and password in one call", async () => {
    invoke.mockResolvedValue({ batch: {}, voucher: {} })
    await postBatch(7, '经研究同意', { chair_name: '李主席', chair_password: 'secret1' })
    expect(invoke).toHaveBeenCalledWith('call', {
      name: 'welfare_post',
      args: { id: 7, override_reason: '经研究同意', chair_name: '李主席', chair_password: 'secret1' },
    })
  })
})
