// 年度预算: lines per account, adjustments, approval dates, import, and budget against actual.
// Thin wrappers over the core commands (docs/contracts/notice-budget-commands.md).
import { call } from './ipc'
import type { AccountClass } from './books'

export interface Approval {
  committee_date: string | null
  audit_date: string | null
  upper_date: string | null
  note: string
}

export interface BudgetLine {
  account_code: string
  account_name: string
  class: AccountClass
  level: number
  amount: string
  purpose: string
}

export interface Adjustment {
  id: number
  date: string
  account_code: string
  account_name: string
  amount: string
  reason: string
  created_by_name: string | null
  created_at: string
}

export interface BudgetYear {
  year: number
  approval: Approval
  lines: BudgetLine[]
  adjustments: Adjustment[]
}

export interface BudgetRow {
  code: string
  name: string
  class: AccountClass
  level: number
  parent_code: string | null
  own_line: string | null
  purpose: string
  original: string
  adjustments: string
  budget: string
  months: string[]
  actual_ytd: string
  remaining: string
  execution: string | null
}

export interface BudgetTotals {
  original: string
  adjustments: string
  budget: string
  months: string[]
  actual_ytd: string
  remaining: string
  execution: string | null
}

export interface BudgetReport {
  year: number
  through: string
  approval: Approval
  rows: BudgetRow[]
  income: BudgetTotals
  expense: BudgetTotals
  warnings: string[]
}

export interface BudgetImportRow {
  row: number
  account_code: string
  account_name: string
  amount: string
  purpose: string
}

export interface BudgetImportPreview {
  year: number
  file_name: string
  rows: BudgetImportRow[]
  errors: { row: number; message: string }[]
  ok: boolean
  income_total: string
  expense_total: string
}

export const getBudget = (year: number) => call<BudgetYear>('budget_get', { year })
export const budgetReport = (year: number, through?: string) =>
  call<BudgetReport>('report_budget', through ? { year, through } : { year })
export const setBudgetLines = (year: number, lines: { account_code: string; amount: string; purpose: string }[]) =>
  call<BudgetYear>('budget_set_lines', { year, lines, replace: true })
export const adjustBudget = (a: { account_code: string; date: string; amount: string; reason: string }) =>
  call<BudgetYear>('budget_adjust', a)
export const setBudgetApproval = (year: number, a: Omit<Approval, 'note'> & { note?: string }) =>
  call<BudgetYear>('budget_set_approval', { year, ...a })
export const budgetImportPreview = (year: number, file_name: string, data_base64: string) =>
  call<BudgetImportPreview>('budget_import_preview', { year, file_name, data_base64 })
export const budgetImport = (year: number, file_name: string, data_base64: string) =>
  call<BudgetYear>('budget_import', { year, file_name, data_base64 })
