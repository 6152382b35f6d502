// 账簿报表: reports, month close, chart of accounts, opening balances. Thin wrappers over the
// core commands (docs/contracts/ledger-commands.md); every amount is a decimal string. The
// types are generated from the Rust ones (src/bindings/).
import { call } from './ipc'
import type { ExportRequest, Reopen, SetOpening } from '@/bindings'

// ---------- chart ----------
export const listAccounts = () => call('ledger_accounts')
export const addAccount = (parent_code: string, name: string, code?: string) =>
  call('ledger_account_add', code ? { parent_code, code, name } : { parent_code, name })
export const renameAccount = (code: string, name: string) => call('ledger_account_rename', { code, name })
export const setAccountActive = (code: string, active: boolean) => call('ledger_account_set_active', { code, active })

// ---------- opening balances ----------
export const getOpening = () => call('ledger_opening_get')
export const setOpening = (balances: SetOpening['balances']) => call('ledger_opening_set', { balances })

// ---------- vouchers (read-only view for the journals) ----------
export const getVoucher = (id: number) => call('ledger_vouchers_get', { id })

// ---------- reports ----------
export const trialBalance = (from: string, to: string, include_zero = false) =>
  call('report_trial_balance', { from, to, include_zero })
export const cashJournal = (from: string, to: string) => call('report_cash_journal', { from, to })
export const bankJournal = (from: string, to: string) => call('report_bank_journal', { from, to })
export const accountLedger = (account: string, from: string, to: string) =>
  call('report_account_ledger', { account, from, to })
export const generalLedger = (year: number) => call('report_general_ledger', { year })
export const incomeStatement = (period: string) => call('report_income_statement', { period })
export const balanceSheet = (period: string) => call('report_balance_sheet', { period })

/** The reports the UI exports (report_export_xlsx takes their name). */
export type ReportName =
  | 'trial_balance'
  | 'cash_journal'
  | 'bank_journal'
  | 'account_ledger'
  | 'general_ledger'
  | 'income_statement'
  | 'balance_sheet'
export type ExportArgs = ExportRequest & { report: ReportName }
export const exportReport = (args: ExportArgs) => call('report_export_xlsx', args)

// ---------- periods and month close ----------
export const periodStatus = (period: string) => call('ledger_period_status', { period })
export const periodList = (year: number) => call('ledger_period_list', { year })
export const periodEvents = (period?: string) => call('ledger_period_events', period ? { period } : {})
export const setBankStatement = (period: string, balance: string) => call('ledger_period_set_bank_statement', { period, balance })
export const bankReconciliation = (period: string) => call('ledger_bank_reconciliation', { period })
export const bankTick = (voucher_id: number, line_no: number, ticked: boolean) =>
  call('ledger_bank_tick', { voucher_id, line_no, ticked })
export const closePeriod = (period: string) => call('ledger_period_close', { period })
/** 反结账: the chair, with the auditor confirming in the same call. */
export const reopenPeriod = (period: string, reason: string, confirm: Pick<Reopen, 'confirm_user' | 'confirm_password'>) =>
  call('ledger_period_reopen', { period, reason, ...confirm })
