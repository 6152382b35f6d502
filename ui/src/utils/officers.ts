// Two officers (双人确认, issue 13): the acts no single officer may do alone. The core checks
// them (src-tauri/core/src/users/officers.rs); this module only decides what the dialog
// offers — which officers may confirm, which one to propose, whether the logged-in user can
// ask at all — and turns the picked officer into the command's confirm_user/confirm_password.
import type { LoginUser, Reopen, Role } from '@/bindings'
import { toAppError } from '@/api/ipc'

/** What the second officer fills in on the logged-in user's screen. */
export interface SecondOfficer {
  confirm_user: string
  confirm_password: string
}

/** The two fields as every two-officer command takes them (generated from the Rust type). */
export type ConfirmArgs = Pick<Reopen, 'confirm_user' | 'confirm_password'>

/**
 * Who must confirm:
 * - `chair_and_auditor`: the chair together with the auditor — the logged-in user is one, the
 *   confirming officer the other (a chair's or auditor's account, switching a control off,
 *   反结账);
 * - `password_reset`: someone else's forgotten password — two officers other than its owner,
 *   at least one of them the chair or the auditor;
 * - `chair`: the chair approves (a welfare override typed on the treasurer's screen).
 */
export type OfficerRule =
  | { kind: 'chair_and_auditor' }
  | { kind: 'password_reset'; target: { id: number; role: Role } }
  | { kind: 'chair' }

export type Officer = Pick<LoginUser, 'id' | 'name' | 'role' | 'active'>
export type Acting = { id: number; role: Role }

const ROLE_ORDER: readonly Role[] = ['chair', 'auditor', 'treasurer']
const isOfficerRole = (r: Role) => r === 'chair' || r === 'auditor'

/** Whether the logged-in user may do the act at all (with a second officer). */
export function actingMayAsk(rule: OfficerRule, acting: Acting | null | undefined): boolean {
  if (!acting) return false
  switch (rule.kind) {
    case 'chair_and_auditor':
      return isOfficerRole(acting.role)
    case 'password_reset':
      return acting.id !== rule.target.id
    case 'chair':
      return true
  }
}

/** The roles the confirming officer may have, given who is logged in. */
export function rolesNeeded(rule: OfficerRule, acting: Acting | null | undefined): Role[] {
  if (!acting || !actingMayAsk(rule, acting)) return []
  switch (rule.kind) {
    case 'chair_and_auditor':
      return acting.role === 'chair' ? ['auditor'] : ['chair']
    case 'password_reset':
      // Two treasurers alone may not reset anyone's password.
      return acting.role === 'treasurer' ? ['chair', 'auditor'] : [...ROLE_ORDER]
    case 'chair':
      return ['chair']
  }
}

/** The active officers who may confirm, the best choice first. */
export function eligibleOfficers(rule: OfficerRule, acting: Acting | null | undefined, users: readonly Officer[]): Officer[] {
  const roles = rolesNeeded(rule, acting)
  const targetId = rule.kind === 'password_reset' ? rule.target.id : null
  // A password is best reset by the officer whose role is neither the logged-in user's nor
  // the owner's: a chair's by the auditor with the treasurer, a treasurer's by the chair with
  // the auditor.
  const taken = new Set<Role>(acting ? [acting.role] : [])
  if (rule.kind === 'password_reset') taken.add(rule.target.role)
  const rank = (r: Role) => (taken.has(r) ? 10 : 0) + ROLE_ORDER.indexOf(r)
  return users
    .filter((u) => u.active && u.id !== acting?.id && u.id !== targetId && roles.includes(u.role))
    .map((u, i) => ({ u, i }))
    .sort((a, b) => rank(a.u.role) - rank(b.u.role) || a.i - b.i)
    .map(({ u }) => u)
}

/** The officer to propose by default (a name), or '' when no one may confirm. */
export function proposedOfficer(rule: OfficerRule, acting: Acting | null | undefined, users: readonly Officer[]): string {
  return eligibleOfficers(rule, acting, users)[0]?.name ?? ''
}

/** Keep the officer already picked while they still qualify; otherwise propose one. */
export function keepOrPropose(current: string, rule: OfficerRule, acting: Acting | null | undefined, users: readonly Officer[]): string {
  const eligible = eligibleOfficers(rule, acting, users)
  return eligible.some((u) => u.name === current) ? current : (eligible[0]?.name ?? '')
}

/** Both fields filled in. */
export const confirmReady = (c: SecondOfficer) => !!c.confirm_user.trim() && !!c.confirm_password

/** The command's confirm fields for a filled-in second officer. */
export function confirmArgs(c: SecondOfficer): ConfirmArgs {
  return { confirm_user: c.confirm_user.trim(), confirm_password: c.confirm_password }
}

/** A chair's or auditor's account is changed only by the chair together with the auditor. */
export const accountNeedsTwo = (role: Role) => isOfficerRole(role)

/** Switching a control off needs the auditor too; switching it on only the chair. */
export const controlNeedsTwo = (on: boolean) => !on

/** An error about the second officer (wrong name or password, wrong pair of roles). */
export function isConfirmError(e: unknown): boolean {
  const err = toAppError(e)
  const field = err.details.field
  return err.code === 'permission_denied' || field === 'confirm_user' || field === 'confirm_password'
}

/** The rule objects, shared so that templates do not build a new one on every render. */
export const CHAIR_AND_AUDITOR: OfficerRule = { kind: 'chair_and_auditor' }
export const CHAIR: OfficerRule = { kind: 'chair' }
