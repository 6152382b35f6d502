// 会费: rate settings, monthly charges, payments (batch and individual), receipts, arrears and
// statements. Thin wrappers over the core commands; the types are generated from the Rust ones
// (src/bindings/). Every amount is a two-decimal string.
import { call } from './ipc'
import type { ChargeFilter, DuesSettingsUpdate, PayBatch, PaymentFilter, PayMember, ReversePayment } from '@/bindings'

export const duesSettings = () => call('dues_settings_get')
export const setDuesSettings = (s: DuesSettingsUpdate) => call('dues_settings_set', s)
export const chargeMonth = (month: string) => call('dues_charge_month', { month })
export const listCharges = (f: ChargeFilter) => call('dues_charges', f)
export const outstanding = (member_id: number) => call('dues_outstanding', { member_id })
export const payBatch = (a: PayBatch) => call('dues_pay_batch', a)
export const payMember = (a: PayMember) => call('dues_pay_member', a)
/** Payments by payment date (`month`: received in that month) or by member. */
export const listPayments = (f: PaymentFilter) => call('dues_payments', f)
/** The payments that settled `month`'s dues, whenever they were received. */
export const monthPayments = (month: string) => call('dues_month_payments', { month })
export const reversePayment = (a: ReversePayment) => call('dues_payment_reverse', a)
export const getPayment = (id: number) => call('dues_payment_get', { id })
export const receipt = (payment_id: number) => call('dues_receipt', { payment_id })
export const arrears = (as_of_month: string) => call('dues_arrears', { as_of_month })
export const statement = (member_id: number, year: number) => call('dues_statement', { member_id, year })
export const summary = (month: string) => call('dues_summary', { month })
