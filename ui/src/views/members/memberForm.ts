// The member form's model and its mapping to members_create / members_update. Pure functions
// (tested in __tests__/memberForm.test.ts); money stays a string throughout.
import { normaliseMoney } from '@/utils/money'
import type { Member, MemberInput } from '@/bindings'

export interface ChildRow {
  name: string
  birth_date: string | null
}

export interface MemberForm {
  member_no: string
  name: string
  /** '' (not given), '男' or '女'. */
  gender: string
  birth_date: string | null
  id_number: string
  phone: string
  group_id: number | null
  department: string
  join_date: string | null
  card_no: string
  wage: string
  wage_effective_from: string | null
  /** One of DUES_RULES (the core sends it as a string). */
  dues_rule: string
  fixed_amount: string
  children: ChildRow[]
  notes: string
  transferred_in: boolean
  transfer_in_date: string | null
}

export function emptyForm(): MemberForm {
  return {
    member_no: '',
    name: '',
    gender: '',
    birth_date: null,
    id_number: '',
    phone: '',
    group_id: null,
    department: '',
    join_date: null,
    card_no: '',
    wage: '',
    wage_effective_from: null,
    dues_rule: 'standard',
    fixed_amount: '',
    children: [],
    notes: '',
    transferred_in: false,
    transfer_in_date: null,
  }
}

export function formFromMember(m: Member): MemberForm {
  return {
    member_no: m.member_no,
    name: m.name,
    gender: m.gender,
    birth_date: m.birth_date,
    id_number: m.id_number ?? '',
    phone: m.phone,
    group_id: m.group_id,
    department: m.department,
    join_date: m.join_date,
    card_no: m.card_no,
    wage: m.wage_base ?? '',
    wage_effective_from: null,
    dues_rule: m.dues_rule,
    fixed_amount: m.fixed_amount ?? '',
    children: m.children.map((c) => ({ name: c.name, birth_date: c.birth_date })),
    notes: m.notes,
    transferred_in: false,
    transfer_in_date: null,
  }
}

/** Problems the form can spot before asking the core (which checks everything again). */
export type FormProblem = 'name' | 'join_date' | 'gender' | 'wage' | 'fixed_amount' | 'children'

export function formProblems(f: MemberForm, creating: boolean): FormProblem[] {
  const out: FormProblem[] = []
  if (!f.name.trim()) out.push('name')
  if (!f.join_date) out.push('join_date')
  if (!f.gender && !f.id_number.trim()) out.push('gender')
  if (creating && f.wage.trim() && (normaliseMoney(f.wage) === null || normaliseMoney(f.wage)!.startsWith('-'))) out.push('wage')
  if (f.dues_rule === 'fixed' && (normaliseMoney(f.fixed_amount) === null || normaliseMoney(f.fixed_amount)!.startsWith('-')))
    out.push('fixed_amount')
  if (f.children.some((c) => !c.name.trim() || !c.birth_date)) out.push('children')
  return out
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null)

/** The command arguments. On update the wage is left out (wages change through members_set_wage). */
export function toInput(f: MemberForm, creating: boolean): MemberInput {
  const input: MemberInput = {
    name: f.name.trim(),
    join_date: f.join_date ?? '',
    gender: f.gender || null,
    birth_date: f.birth_date || null,
    id_number: blankToNull(f.id_number),
    member_no: blankToNull(f.member_no),
    phone: f.phone.trim(),
    group_id: f.group_id,
    department: f.department.trim(),
    card_no: f.card_no.trim(),
    dues_rule: f.dues_rule,
    fixed_amount: f.dues_rule === 'fixed' ? normaliseMoney(f.fixed_amount) : null,
    children: f.children.map((c) => ({ name: c.name.trim(), birth_date: c.birth_date ?? '' })),
    notes: f.notes.trim(),
  }
  if (creating) {
    const wage = normaliseMoney(f.wage)
    if (wage !== null) {
      input.wage = wage
      if (f.wage_effective_from) input.wage_effective_from = f.wage_effective_from
    }
    if (f.transferred_in && f.transfer_in_date) input.transfer_in_date = f.transfer_in_date
  }
  return input
}

/**
 * Gender and birth date an 18-character ID number states (GB 11643: YYYYMMDD at 7–14, odd
 * 17th digit = 男). Null for a masked, short or impossible number — the core checks the
 * checksum and everything else.
 */
export function idFacts(id: string | null | undefined): { gender: '男' | '女'; birth_date: string } | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{2}(\d)[\dXx]$/.exec((id ?? '').trim())
  if (!m) return null
  const [y, mo, d] = [parseInt(m[1], 10), parseInt(m[2], 10), parseInt(m[3], 10)]
  const probe = new Date(Date.UTC(y, mo - 1, d))
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null
  return { gender: parseInt(m[4], 10) % 2 === 1 ? '男' : '女', birth_date: `${m[1]}-${m[2]}-${m[3]}` }
}

/** With an ID number on file (masked) or typed, gender and birth date follow from it. */
export function idFixesPerson(id: string | null | undefined): boolean {
  return !!(id ?? '').trim()
}
