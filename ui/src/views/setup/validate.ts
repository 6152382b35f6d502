// Client-side checks of the setup wizard, mirroring book_init's rules so the treasurer sees
// problems before submitting. Pure functions: they return i18n keys, not text.

export interface UserDraft {
  name: string
  password: string
  password2: string
}

export interface SetupForm {
  union_name: string
  unit_name: string
  /** YYYY-MM */
  start_month: string
  province: string
  chart_version: string
  treasurer: UserDraft
  chair: UserDraft
  auditor: UserDraft
  /** 支出须经工会主席审批 (on by default). */
  approval_required: boolean
  /** 结账须经审委员签字 (on by default). */
  signoff_required: boolean
}

export type UserSlot = 'treasurer' | 'chair' | 'auditor'
export const USER_SLOTS: readonly UserSlot[] = ['treasurer', 'chair', 'auditor']

export interface FieldError {
  /** Form field path, the same as the backend's details.field: "union_name", "auditor.name", "chair.password2". */
  field: string
  /** i18n key of the message. */
  key: string
  /** i18n key of the field label to interpolate as {field}, if the message needs one. */
  labelKey?: string
}

export const MIN_PASSWORD_CHARS = 6

const blank = (s: string | undefined | null) => !s || s.trim() === ''

/** A blank wizard; the start month defaults to the month of `today` (YYYY-MM-DD, the core's clock). */
export function emptySetupForm(today: string): SetupForm {
  const month = today.slice(0, 7)
  const user = (): UserDraft => ({ name: '', password: '', password2: '' })
  return {
    union_name: '',
    unit_name: '',
    start_month: month,
    province: '江苏',
    chart_version: '2021-grassroots',
    treasurer: user(),
    chair: user(),
    auditor: user(),
    approval_required: true,
    signoff_required: true,
  }
}

/** Step 1: union and book details. */
export function validateUnitStep(f: SetupForm): FieldError[] {
  const errs: FieldError[] = []
  for (const field of ['union_name', 'unit_name', 'province', 'chart_version'] as const) {
    if (blank(f[field])) errs.push({ field, key: 'validation.required', labelKey: `fields.${field}` })
  }
  if (blank(f.start_month) || !/^\d{4}-(0[1-9]|1[0-2])$/.test(f.start_month)) {
    errs.push({ field: 'start_month', key: 'validation.required', labelKey: 'fields.start_month' })
  }
  return errs
}

/** Step 2: the three users. Names distinct; the auditor is neither treasurer nor chair. */
export function validateUsersStep(f: SetupForm): FieldError[] {
  const errs: FieldError[] = []
  for (const slot of USER_SLOTS) {
    const u = f[slot]
    if (blank(u.name)) {
      errs.push({ field: `${slot}.name`, key: 'validation.required', labelKey: `fields.${slot}.name` })
    }
    if ([...(u.password ?? '')].length < MIN_PASSWORD_CHARS) {
      errs.push({ field: `${slot}.password`, key: 'validation.passwordShort', labelKey: `fields.${slot}.password` })
    } else if (u.password !== u.password2) {
      errs.push({ field: `${slot}.password2`, key: 'validation.passwordMismatch' })
    }
  }
  const name = (slot: UserSlot) => f[slot].name.trim()
  // 章程: people handling money may not sit on the audit committee.
  if (!blank(name('auditor')) && (name('auditor') === name('treasurer') || name('auditor') === name('chair'))) {
    errs.push({ field: 'auditor.name', key: 'validation.auditorIndependent' })
  }
  if (!blank(name('chair')) && name('chair') === name('treasurer')) {
    errs.push({ field: 'chair.name', key: 'validation.namesDistinct' })
  }
  return errs
}

export function validateSetup(f: SetupForm): FieldError[] {
  return [...validateUnitStep(f), ...validateUsersStep(f)]
}

/** Which wizard step (0-based) a field belongs to; used to jump back on a backend error. */
export function stepOfField(field: string | undefined): number {
  if (!field) return 0
  return USER_SLOTS.some((s) => field.startsWith(`${s}.`) || field === s) ? 1 : 0
}

/** The book_init arguments (trimmed; confirmations dropped). */
export function toInitArgs(f: SetupForm) {
  const user = (u: UserDraft) => ({ name: u.name.trim(), password: u.password })
  return {
    union_name: f.union_name.trim(),
    unit_name: f.unit_name.trim(),
    start_month: f.start_month,
    province: f.province,
    chart_version: f.chart_version,
    treasurer: user(f.treasurer),
    chair: user(f.chair),
    auditor: user(f.auditor),
    approval_required: f.approval_required,
    signoff_required: f.signoff_required,
  }
}
