// The one place that talks to the Tauri backend. Every command goes through the single
// `call` command as {name, args}; errors come back as {code, message, details} and are
// turned into AppError so views can branch on `code` and show one translated message.
import { invoke } from '@tauri-apps/api/core'
import { ElMessage } from 'element-plus'
import { i18n } from '@/locales'
import type { ErrorPayload, IpcCommandName, IpcCommands } from '@/bindings'

export class AppError extends Error {
  readonly code: string
  readonly details: Record<string, unknown>

  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details ?? {}
  }
}

function isErrorPayload(e: unknown): e is ErrorPayload {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as ErrorPayload).code === 'string' &&
    typeof (e as ErrorPayload).message === 'string'
  )
}

/** Normalise anything thrown by invoke (or by us) into an AppError. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e
  if (isErrorPayload(e)) return new AppError(e.code, e.message, e.details)
  if (e instanceof Error) return new AppError('internal', e.message)
  return new AppError('internal', String(e))
}

/** What command `K` takes, and what it returns: generated from the Rust types (src/bindings/). */
export type CommandArgs<K extends IpcCommandName> = IpcCommands[K]['args']
export type CommandResult<K extends IpcCommandName> = IpcCommands[K]['result']
/** The arguments may be left out when every field is optional. */
type ArgsParam<K extends IpcCommandName> = {} extends CommandArgs<K> ? [args?: CommandArgs<K>] : [args: CommandArgs<K>]

export async function call<K extends IpcCommandName>(name: K, ...[args]: ArgsParam<K>): Promise<CommandResult<K>> {
  try {
    return await invoke<CommandResult<K>>('call', { name, args: args ?? {} })
  } catch (e) {
    throw toAppError(e)
  }
}

/**
 * The text to show for an error: the translation of `errors.<code>` (with details
 * interpolated, e.g. {field}) when the locale has one, else the backend's own message,
 * which is already Chinese.
 */
/** Codes whose backend message names the exact problem ("身份证号校验位不正确",
 * "有会费记录的会员不能删除…"): a generic translation would hide it. */
const SPECIFIC_CODES = new Set(['validation', 'conflict', 'invalid', 'row_errors', 'not_found', 'permission_denied'])

export function errorMessage(e: unknown): string {
  const err = toAppError(e)
  const { te } = i18n.global
  if (SPECIFIC_CODES.has(err.code) && err.message) {
    // The core writes these in Chinese; in English the generic text comes first.
    if (i18n.global.locale.value === 'zh-CN' || !te(`errors.${err.code}`)) return err.message
    return `${genericMessage(err)} — ${err.message}`
  }
  return genericMessage(err)
}

function genericMessage(err: AppError): string {
  const { t, te } = i18n.global
  const key = `errors.${err.code}`
  if (te(key)) {
    const details: Record<string, unknown> = { ...err.details, message: err.message }
    // A text whose placeholders the details cannot fill would read badly; the backend's
    // own message is better then.
    const raw = i18n.global.tm(key)
    if (typeof raw === 'string') {
      const needed = [...raw.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      if (needed.some((n) => details[n] === undefined || details[n] === null)) return err.message
    }
    // A field name in details is translated when the locale knows it.
    if (typeof details.field === 'string' && te(`fields.${details.field}`)) {
      details.field = t(`fields.${details.field}`)
    }
    return t(key, details)
  }
  return err.message
}

/** Show the error as a toast; returns the message shown. */
export function showError(e: unknown): string {
  const msg = errorMessage(e)
  ElMessage.error(msg)
  return msg
}

/** Run a call and toast its error; resolves to undefined on failure. */
export async function callWithToast<K extends IpcCommandName>(
  name: K,
  ...args: ArgsParam<K>
): Promise<CommandResult<K> | undefined> {
  try {
    return await call(name, ...args)
  } catch (e) {
    showError(e)
    return undefined
  }
}
