// 首页: the year at a glance from the core's `dashboard` command. Amounts are two-decimal strings.
import { call } from './ipc'

export interface DashboardMonth {
  period: string
  income: string
  spending: string
  /** Cash, bank and both at the month end; null before the book starts or after the last month counted. */
  cash: string | null
  bank: string | null
  balance: string | null
  status: 'open' | 'closed' | 'before_start'
}

export interface DashboardBudgetCategory {
  code: string
  name: string
  budget: string
  actual: string
  execution: string | null
}

export interface DashboardMembers {
  date: string
  members: number
  retained: number
  retired: number
  unemployed: number
  headcount: number | null
  join_rate: string | null
  new_this_year: number
  left_this_year: number
}

export interface DashboardTodo {
  months_to_close: string[]
  drafts: number
  drafts_submitted: number
  approvals_waiting: number
  queries_open: number
  queries_answered: number
  hardship_reviews_due: number
}

export interface Dashboard {
  year: number
  today: string
  through: string
  income_ytd: string
  spending_ytd: string
  surplus_ytd: string
  cash: string | null
  bank: string | null
  balance: string | null
  months: DashboardMonth[]
  budget: {
    has_budget: boolean
    approved: boolean
    budget: string
    actual: string
    execution: string | null
    categories: DashboardBudgetCategory[]
  }
  members: DashboardMembers
  dues: {
    charged: string
    paid: string
    outstanding: string
    rate: string | null
    month: { month: string; liable: number; paid_members: number; charged: string; paid: string }
  }
  todo: DashboardTodo
}

export function dashboard(year?: number): Promise<Dashboard> {
  return call<Dashboard>('dashboard', year ? { year } : {})
}
