import { beforeEach, describe, expect, it, vi } from 'vitest'

const invoke = vi.fn()
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }))

import { checkBookIntegrityOnce, resetIntegrityChecks } from '../integrity'

describe('the background integrity check', () => {
  beforeEach(() => {
    invoke.mockReset()
    resetIntegrityChecks()
  })

  it('asks the shell for the full check and reports a sound book as null', async () => {
    invoke.mockResolvedValue(null)
    await expect(checkBookIntegrityOnce('/books/a.sqlite')).resolves.toBeNull()
    expect(invoke).toHaveBeenCalledWith('check_integrity')
  })

  it('turns a failed check into an error carrying the core message', async () => {
    invoke.mockRejectedValue({ code: 'db_integrity', message: '账套文件未通过完整性检查：第 3 页损坏' })
    const failure = await checkBookIntegrityOnce('/books/a.sqlite')
    expect(failure?.code).toBe('db_integrity')
    expect(failure?.message).toContain('第 3 页')
  })

  it('checks each book once, and a newly opened book again', async () => {
    invoke.mockResolvedValue(null)
    await checkBookIntegrityOnce('/books/a.sqlite')
    await checkBookIntegrityOnce('/books/a.sqlite')
    expect(invoke).toHaveBeenCalledTimes(1)
    await checkBookIntegrityOnce('/books/b.sqlite')
    expect(invoke).toHaveBeenCalledTimes(2)
    await expect(checkBookIntegrityOnce(null)).resolves.toBeNull()
    expect(invoke).toHaveBeenCalledTimes(2)
  })
})
