// 账簿报表: reports, month close, chart of accounts, opening balances. Thin wrappers over the
// core commands (docs/contracts/ledger-commands.md); every amount is a decimal string.
import { call } from './ipc'

export type AccountClass = 'asset' | 'liability' | 'net_assets' | 'income' | 'expense'
export type Side = 'debit' | 'credit'

// ---------- chart ----------
export interface Account {
  code: string
  name: string
  class: AccountClass
  normal_side: Side
  parent_code: string | null
  is_standard: boolean
  is_leaf: boolean
  active: boolean
  chart_version: string
  pinyin: string
  display: string
  level: number
}

export const listAccounts = () => call<Account[]>('ledger_accounts')
export const addAccount = (parent_code: string, name: string, code?: string) =>
  call<Account>('ledger_account_add', code ? { parent_code, code, name } : { parent_code, name })
export const renameAccount = (code: string, name: string) => call<Account>('ledger_account_rename', { code, name })
export const setAccountActive = (code: string, active: boolean) =>
  call<Account>('ledger_account_set_active', { code, active })

// ---------- opening balances ----------
export interface OpeningAccount {
  code: string
  name: string
  display: string
  class: AccountClass
  normal_side: Side
  level: number
  active: boolean
  amount: string
}
export interface Opening {
  start_month: string
  locked: boolean
  accounts: OpeningAccount[]
  totals: { debit_side: string; credit_side: string; difference: string; balanced: boolean }
}
export const getOpening = () => call<Opening>('ledger_opening_get')
export const setOpening = (balances: { account_code: string; amount: string }[]) =>
  call<Opening>('ledger_opening_set', { balances })

// ---------- vouchers (read-only view for the journals) ----------
export interface VoucherLine {
  line_no: number
  account_code: string
  account_name: string
  debit: string
  credit: string
  member_id: number | null
  memo: string
}
export interface PostedVoucher {
  id: number
  period: string
  number: number
  display_number: string
  date: string
  summary: string
  attachments_count: number
  source: string
  source_ref: string | null
  reverses_id: number | null
  reversed_by_id: number | null
  prepared_by_name: string | null
  approved_by_name: string | null
  posted_by_name: string
  posted_at: string
  lines: VoucherLine[]
  total_debit: string
  total_credit: string
  total_in_words: string
  hash: string
}
export const getVoucher = (id: number) => call<PostedVoucher>('ledger_vouchers_get', { id })

// ---------- reports ----------
export interface TrialBalanceRow {
  code: string
  name: string
  class: AccountClass
  level: number
  is_leaf: boolean
  normal_side: Side
  opening: string
  debit: string
  credit: string
  closing: string
}
export interface TrialBalance {
  from: string
  to: string
  accounts: TrialBalanceRow[]
  totals: {
    opening_debit: string
    opening_credit: string
    debit: string
    credit: string
    closing_debit: string
    closing_credit: string
  }
}
export const trialBalance = (from: string, to: string, include_zero = false) =>
  call<TrialBalance>('report_trial_balance', { from, to, include_zero })

export type JournalRowKind = 'opening' | 'entry' | 'month_total' | 'year_total'
export interface JournalRow {
  kind: JournalRowKind
  date: string | null
  period: string
  voucher_id: number | null
  voucher_no: string | null
  summary: string
  account_code: string
  account_name: string
  debit: string
  credit: string
  direction: '借' | '贷' | '平'
  balance: string
}
export interface Journal {
  title: string
  account_code: string
  account_name: string
  normal_side: Side
  from: string
  to: string
  opening: string
  debit: string
  credit: string
  closing: string
  rows: JournalRow[]
}
export const cashJournal = (from: string, to: string) => call<Journal>('report_cash_journal', { from, to })
export const bankJournal = (from: string, to: string) => call<Journal>('report_bank_journal', { from, to })
export const accountLedger = (account: string, from: string, to: string) =>
  call<Journal>('report_account_ledger', { account, from, to })

export interface GeneralLedger {
  year: number
  accounts: { code: string; name: string; normal_side: Side; opening: string; closing: string; rows: JournalRow[] }[]
}
export const generalLedger = (year: number) => call<GeneralLedger>('report_general_ledger', { year })

export interface StatementRow {
  line: number
  item: string
  code: string | null
  kind: 'total' | 'account' | 'difference' | 'detail'
  indent: number
  a: string
  b: string
}
export interface IncomeStatement {
  title: string
  form_no: string
  period: string
  columns: string[]
  rows: StatementRow[]
  income_month: string
  income_ytd: string
  expense_month: string
  expense_ytd: string
  surplus_month: string
  surplus_ytd: string
}
export const incomeStatement = (period: string) => call<IncomeStatement>('report_income_statement', { period })

export interface YearStartEnd {
  year_start: string
  end: string
}
export interface BalanceSheet {
  title: string
  form_no: string
  period: string
  columns: string[]
  assets: StatementRow[]
  liabilities: StatementRow[]
  net_assets: StatementRow[]
  total_assets: YearStartEnd
  total_liabilities: YearStartEnd
  total_net_assets: YearStartEnd
  total_liabilities_and_net_assets: YearStartEnd
  balanced: boolean
}
export const balanceSheet = (period: string) => call<BalanceSheet>('report_balance_sheet', { period })

export type ReportName =
  | 'trial_balance'
  | 'cash_journal'
  | 'bank_journal'
  | 'account_ledger'
  | 'general_ledger'
  | 'income_statement'
  | 'balance_sheet'
export interface ExportArgs {
  report: ReportName
  from?: string
  to?: string
  period?: string
  year?: number
  account?: string
  include_zero?: boolean
}
export const exportReport = (args: ExportArgs) =>
  call<{ file_name: string; data_base64: string }>('report_export_xlsx', args)

// ---------- periods and month close ----------
export type PeriodState = 'open' | 'closed' | 'before_start'
export interface PeriodStatus {
  period: string
  status: PeriodState
  can_close: boolean
  blockers: string[]
  vouchers: number
  drafts: number
  bank_book_balance: string
  bank_statement_balance: string | null
  difference: string | null
  chain_fingerprint: string
  closed_at: string | null
  closed_by_name: string | null
  year_end: boolean
}
export interface PeriodListItem {
  period: string
  status: PeriodState
  vouchers: number
  drafts: number
  closed_at: string | null
}
export interface PeriodEvent {
  id: number
  period: string
  action: 'close' | 'reopen'
  by_user: number
  by_name: string
  at: string
  reason: string
  chain_fingerprint: string
}
export interface BankLine {
  voucher_id: number
  display_number: string
  date: string
  summary: string
  line_no: number
  account_code: string
  account_name: string
  debit: string
  credit: string
  memo: string
  ticked: boolean
}
export interface BankReconciliation {
  period: string
  opening_balance: string
  lines: BankLine[]
  debit_total: string
  credit_total: string
  book_balance: string
  statement_balance: string | null
  difference: string | null
  ticked_debit: string
  ticked_credit: string
  unticked_debit: string
  unticked_credit: string
  closed: boolean
}

export const periodStatus = (period: string) => call<PeriodStatus>('ledger_period_status', { period })
export const periodList = (year: number) => call<PeriodListItem[]>('ledger_period_list', { year })
export const periodEvents = (period?: string) => call<PeriodEvent[]>('ledger_period_events', period ? { period } : {})
export const setBankStatement = (period: string, balance: string) =>
  call<PeriodStatus>('ledger_period_set_bank_statement', { period, balance })
export const bankReconciliation = (period: string) => call<BankReconciliation>('ledger_bank_reconciliation', { period })
export const bankTick = (voucher_id: number, line_no: number, ticked: boolean) =>
  call<BankReconciliation>('ledger_bank_tick', { voucher_id, line_no, ticked })
export const closePeriod = (period: string) =>
  call<{ status: PeriodStatus; closing_vouchers: PostedVoucher[] }>('ledger_period_close', { period })
export const reopenPeriod = (period: string, reason: string) => call<PeriodStatus>('ledger_period_reopen', { period, reason })
