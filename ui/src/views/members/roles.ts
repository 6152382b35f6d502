// Who may see what on the 会员 page. 困难职工档案 is for the treasurer, the chair and the audit
// committee only (issue 4 §2); today that is every role, but a new role must not inherit it.
import type { Role } from '@/bindings'

const HARDSHIP_ROLES: readonly Role[] = ['treasurer', 'chair', 'auditor']

export function canSeeHardship(role: Role | null | undefined): boolean {
  return !!role && HARDSHIP_ROLES.includes(role)
}
