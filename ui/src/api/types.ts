// Hand-written mirrors of the backend JSON. To be replaced by ts-rs output in src/bindings/
// once the core generates it. Money, when it appears, is always a decimal string.

export type Role = 'treasurer' | 'chair' | 'auditor'

export interface UserBrief {
  id: number
  name: string
  role: Role
  active: boolean
}

export interface AppInfo {
  db_path: string
  initialized: boolean
  union_name: string | null
  unit_name: string | null
  schema_version: number
  app_version: string
  users: UserBrief[]
  /** Today by the core's one clock (YYYY-MM-DD; UNION_LEDGER_TODAY pins it): the source of every default date. */
  today: string
}

export interface Credentials {
  name: string
  password: string
}

export interface BookInitArgs {
  union_name: string
  unit_name: string
  /** YYYY-MM */
  start_month: string
  province: string
  chart_version: string
  treasurer: Credentials
  chair: Credentials
  auditor: Credentials
  approval_required?: boolean
  signoff_required?: boolean
}

export interface SessionUser {
  id: number
  name: string
  role: Role
}

export interface Settings {
  union_name: string
  unit_name: string
  province: string
  start_month: string
  chart_version: string
  contact: string
  chair_name: string
  treasurer_name: string
  audit_director_name: string
  /** 支出须经工会主席审批 (switched by the chair: book_settings_set_controls). */
  approval_required: boolean
  /** 结账须经审委员签字. */
  signoff_required: boolean
}

export type SettingsPatch = Partial<
  Pick<Settings, 'union_name' | 'unit_name' | 'province' | 'contact' | 'audit_director_name'>
>

export interface User extends UserBrief {
  created_at: string
}

/** The error object every command rejects with. */
export interface BackendError {
  code: string
  message: string
  details?: Record<string, unknown>
}
