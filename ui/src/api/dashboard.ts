// 首页: the year at a glance from the core's `dashboard` command. Amounts are two-decimal
// strings; the types are generated from the Rust ones (src/bindings/).
import { call } from './ipc'

export const dashboard = (year?: number) => call('dashboard', year ? { year } : {})
