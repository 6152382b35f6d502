import { beforeEach, describe, expect, it, vi } from 'vitest'

const invoke = vi.fn()
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }))

import { noticeHtml, noticePeriod } from '../notice'
import { budgetReport, setBudgetLines } from '../budget'

describe('the notice and budget wrappers', () => {
  beforeEach(() => invoke.mockReset())

  it('write the period as the core expects for a month, a quarter and a year', () => {
    expect(noticePeriod('month', '2026-10', 2026, 4)).toBe('2026-10')
    expect(noticePeriod('quarter', '2026-10', 2026, 3)).toBe('2026-Q3')
    expect(noticePeriod('year', '2026-10', 2025, 1)).toBe('2025')
  })

  it('ask the core for the page and the budget report by name', async () => {
    invoke.mockResolvedValue({})
    await noticeHtml('2026-Q3')
    expect(invoke).toHaveBeenCalledWith('call', { name: 'notice_html', args: { period: '2026-Q3' } })
    await budgetReport(2026)
    expect(invoke).toHaveBeenLastCalledWith('call', { name: 'report_budget', args: { year: 2026 } })
    await setBudgetLines(2026, [{ account_code: '50105', amount: '1000.00', purpose: '' }])
    expect(invoke).toHaveBeenLastCalledWith('call', {
      name: 'budget_set_lines',
      args: { year: 2026, lines: [{ account_code: '50105', amount: '1000.00', purpose: '' }], replace: true },
    })
  })
})
