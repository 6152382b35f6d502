import { describe, expect, it } from 'vitest'
import { emptySetupForm, stepOfField, toInitArgs, validateSetup, validateUnitStep, validateUsersStep, type SetupForm } from '../validate'

function filled(): SetupForm {
  const f = emptySetupForm('2026-01-15')
  f.union_name = '江都区某某水利管理处工会委员会'
  f.unit_name = '江都区某某水利管理处'
  f.treasurer = { name: '王会计', password: 'secret1', password2: 'secret1' }
  f.chair = { name: '李主席', password: 'secret2', password2: 'secret2' }
  f.auditor = { name: '赵经审', password: 'secret3', password2: 'secret3' }
  return f
}

const fields = (errs: { field: string }[]) => errs.map((e) => e.field)

describe('the setup wizard checks', () => {
  it('default to the current month and Jiangsu so the e2e may skip them', () => {
    const f = emptySetupForm('2026-01-15')
    expect(f.start_month).toBe('2026-01')
    expect(f.province).toBe('江苏')
    expect(f.chart_version).toBe('2021-grassroots')
  })

  it('accept a complete form', () => {
    expect(validateSetup(filled())).toEqual([])
  })

  it('require the union and unit names', () => {
    const f = filled()
    f.union_name = '  '
    f.unit_name = ''
    expect(fields(validateUnitStep(f))).toEqual(['union_name', 'unit_name'])
  })

  it('refuse an auditor who is also the treasurer', () => {
    const f = filled()
    f.auditor.name = ' 王会计 '
    const errs = validateUsersStep(f)
    expect(errs).toContainEqual({ field: 'auditor.name', key: 'validation.auditorIndependent' })
  })

  it('refuse an auditor who is also the chair', () => {
    const f = filled()
    f.auditor.name = '李主席'
    expect(validateUsersStep(f).map((e) => e.key)).toContain('validation.auditorIndependent')
  })

  it('refuse a treasurer and chair with the same name', () => {
    const f = filled()
    f.chair.name = '王会计'
    expect(validateUsersStep(f)).toContainEqual({ field: 'chair.name', key: 'validation.namesDistinct' })
  })

  it('refuse passwords shorter than six characters and mismatched confirmations', () => {
    const f = filled()
    f.treasurer.password = f.treasurer.password2 = '12345'
    f.chair.password2 = 'different'
    expect(fields(validateUsersStep(f))).toEqual(['treasurer.password', 'chair.password2'])
  })

  it('send trimmed names and no confirmations to book_init', () => {
    const f = filled()
    f.chair.name = ' 李主席 '
    const args = toInitArgs(f)
    expect(args.chair).toEqual({ name: '李主席', password: 'secret2' })
    expect(JSON.stringify(args)).not.toContain('password2')
  })

  it('turn chair approval and audit sign-off on unless the treasurer unticks them', () => {
    const f = filled()
    expect(toInitArgs(f)).toMatchObject({ approval_required: true, signoff_required: true })
    f.approval_required = false
    f.signoff_required = false
    expect(toInitArgs(f)).toMatchObject({ approval_required: false, signoff_required: false })
  })

  it('send a backend error on a user field back to the users step', () => {
    expect(stepOfField('auditor.name')).toBe(1)
    expect(stepOfField('union_name')).toBe(0)
  })
})
