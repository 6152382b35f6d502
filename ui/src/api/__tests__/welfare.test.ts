import { beforeEach, describe, expect, it, vi } from 'vitest'

const invoke = vi.fn()
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }))
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: vi.fn() }))

import { postBatch } from '../welfare'

describe('the welfare api', () => {
  beforeEach(() => invoke.mockReset())

  it("posts with the chair's override reason and password in one call", async () => {
    invoke.mockResolvedValue({ batch: {}, voucher: {} })
    await postBatch(7, '经研究同意', { confirm_user: '李主席', confirm_password: 'secret1' })
    expect(invoke).toHaveBeenCalledWith('call', {
      name: 'welfare_post',
      args: { id: 7, override_reason: '经研究同意', confirm_user: '李主席', confirm_password: 'secret1' },
    })
  })
})
