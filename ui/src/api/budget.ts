// 年度预算: lines per account, adjustments, approval dates, import, and budget against actual.
// Thin wrappers over the core commands (docs/contracts/notice-budget-commands.md); the types
// are generated from the Rust ones (src/bindings/).
import { call } from './ipc'
import type { AdjustInput, BudgetLineInput, SetApproval } from '@/bindings'

export const getBudget = (year: number) => call('budget_get', { year })
export const budgetReport = (year: number, through?: string) => call('report_budget', through ? { year, through } : { year })
export const setBudgetLines = (year: number, lines: BudgetLineInput[]) => call('budget_set_lines', { year, lines, replace: true })
export const adjustBudget = (a: AdjustInput) => call('budget_adjust', a)
export const setBudgetApproval = (year: number, a: Omit<SetApproval, 'year'>) => call('budget_set_approval', { year, ...a })
export const budgetImportPreview = (year: number, file_name: string, data_base64: string) =>
  call('budget_import_preview', { year, file_name, data_base64 })
export const budgetImport = (year: number, file_name: string, data_base64: string) =>
  call('budget_import', { year, file_name, data_base64 })
