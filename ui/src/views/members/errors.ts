// Errors in the 会员 and 会费 screens. The core's messages for bad input, conflicts and
// import rows name the exact problem in Chinese ("身份证号校验位不正确", "有会费记录的会员不能
// 删除…"), which the generic errors.<code> texts would hide; show those as they are.
import { ElMessage } from 'element-plus'
import { showError, toAppError } from '@/api/ipc'

const SPECIFIC = new Set(['validation', 'conflict', 'row_errors', 'not_found', 'permission_denied'])

export function domainErrorMessage(e: unknown): string | null {
  const err = toAppError(e)
  return SPECIFIC.has(err.code) && err.message ? err.message : null
}

/** Toast the error; returns the text shown. */
export function showDomainError(e: unknown): string {
  const msg = domainErrorMessage(e)
  if (msg === null) return showError(e)
  ElMessage.error({ message: msg, duration: 6000 })
  return msg
}
