// 会费: typed wrappers over the dues commands (docs/contracts/members-dues-commands.md).
// Every amount is a two-decimal string; months are YYYY-MM, dates YYYY-MM-DD.
import { call } from './ipc'

export type Rounding = 'fen' | 'jiao' | 'yuan'
export type Via = 'cash' | 'bank'

export interface DuesSettings {
  rate: string
  rate_percent: string
  rounding: Rounding
  rounding_label: string
}

export interface Charge {
  id: number
  member_id: number
  member_no: string
  member_name: string
  month: string
  kind: 'regular' | 'back'
  kind_label: string
  seq: number
  base: string
  due: string
  paid: string
  outstanding: string
}

export interface ChargeMonthResult {
  month: string
  created: number
  updated: number
  unchanged: number
  removed: number
  liable: number
  total_due: string
  no_wage: { member_id: number; member_no: string; name: string }[]
}

export interface VoucherRef {
  id: number
  period: string
  number: number
  display_number: string
}

export interface Allocation {
  charge_id: number
  member_id: number
  month: string
  kind: 'regular' | 'back'
  kind_label: string
  amount: string
}

export interface Payment {
  id: number
  kind: 'batch' | 'member'
  member_id: number | null
  member_no: string | null
  member_name: string | null
  month: string | null
  date: string
  via: Via
  via_label: string
  amount: string
  receipt_no: string | null
  voucher: VoucherRef
  note: string
  months: string[]
  members: number
  allocations: Allocation[]
  created_at: string
  /** Set once the payment was undone: its voucher reversed, its months unpaid again. */
  reversed: { date: string; reason: string; voucher: VoucherRef } | null
}

/** A payment as seen from a dues month (dues_month_payments): the whole payment and its share for the month. */
export interface MonthPayment extends Payment {
  /** The part allocated to this month's charges (regular and 补缴). */
  for_month: string
  /** Members of this month whose charges it paid. */
  for_month_members: number
}

export interface MonthPayments {
  month: string
  /** Newest first; undone payments are listed with `reversed` set. */
  payments: MonthPayment[]
  /** Σ for_month of the payments not undone (= dues_summary.paid). */
  total: string
  reversed_count: number
}

export interface PayResult {
  payment: Payment
  voucher: VoucherRef
}

export interface Outstanding {
  member_id: number
  member_no: string
  name: string
  charges: Charge[]
  total: string
}

export interface Receipt {
  payment_id: number
  title: string
  union_name: string
  receipt_no: string
  date: string
  member_no: string
  member_name: string
  group: string | null
  months: string[]
  months_text: string
  items: { month: string; kind_label: string; amount: string }[]
  purpose: string
  amount: string
  amount_in_words: string
  via: Via
  via_label: string
  treasurer_name: string
  voucher: VoucherRef
}

export interface ArrearsMember {
  member_id: number
  member_no: string
  name: string
  group: string | null
  status: string
  status_label: string
  months: { month: string; due: string; paid: string; outstanding: string }[]
  months_text: string
  total: string
  consecutive_unpaid_months: number
  flagged: boolean
}
export interface Arrears {
  as_of_month: string
  members: ArrearsMember[]
  total: string
  flagged_count: number
}

export interface StatementMonth {
  month: string
  charged: boolean
  base: string | null
  due: string
  back_due: string
  paid: string
  outstanding: string
}
export interface Statement {
  union_name: string
  year: number
  member_id: number
  member_no: string
  name: string
  group: string | null
  status_label: string
  months: StatementMonth[]
  totals: { due: string; paid: string; outstanding: string }
  outstanding_before: string
  payments: {
    id: number
    date: string
    kind: 'batch' | 'member'
    receipt_no: string | null
    via_label: string
    amount: string
    months_text: string
    voucher: string
  }[]
}

export interface DuesSummary {
  month: string
  liable: number
  charged: string
  paid: string
  outstanding: string
  paid_members: number
  partly_paid_members: number
  unpaid_members: number
  collected_in_month: string
}

export const duesSettings = () => call<DuesSettings>('dues_settings_get')
export const setDuesSettings = (s: { rate?: string; rounding?: Rounding }) => call<DuesSettings>('dues_settings_set', s)
export const chargeMonth = (month: string) => call<ChargeMonthResult>('dues_charge_month', { month })
export const listCharges = (f: { month?: string; member_id?: number; unpaid_only?: boolean }) => call<Charge[]>('dues_charges', f)
export const outstanding = (member_id: number) => call<Outstanding>('dues_outstanding', { member_id })
export const payBatch = (a: { month: string; date: string; via?: Via; note?: string }) => call<PayResult>('dues_pay_batch', a)
export const payMember = (a: { member_id: number; amount: string; date: string; via: Via; note?: string }) =>
  call<PayResult>('dues_pay_member', a)
/** Payments by payment date (`month`: received in that month) or by member. */
export const listPayments = (f: { month?: string; member_id?: number }) => call<Payment[]>('dues_payments', f)
/** The payments that settled `month`'s dues, whenever they were received. */
export const monthPayments = (month: string) => call<MonthPayments>('dues_month_payments', { month })
export const reversePayment = (a: { payment_id: number; date: string; reason: string }) => call<Payment>('dues_payment_reverse', a)
export const getPayment = (id: number) => call<Payment>('dues_payment_get', { id })
export const receipt = (payment_id: number) => call<Receipt>('dues_receipt', { payment_id })
export const arrears = (as_of_month: string) => call<Arrears>('dues_arrears', { as_of_month })
export const statement = (member_id: number, year: number) => call<Statement>('dues_statement', { member_id, year })
export const summary = (month: string) => call<DuesSummary>('dues_summary', { month })
