import type { TFunction } from 'i18next'
import { errorCodes, type ErrorCode, type MessageParams } from '@shared/contract'

/** What the host said: a code, its English message, and the key and values to word it anew. */
export type HostMessage = {
  code?: string | undefined
  message: string
  key?: string | undefined
  params?: MessageParams | undefined
}

const MISSING = '\u0000missing'
const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && (errorCodes as readonly string[]).includes(code)

/** Reads what was thrown as a host message, whether a QuireError, a payload or anything else. */
export function asHostMessage(error: unknown): HostMessage {
  if (error && typeof error === 'object' && 'message' in error) {
    const { code, message, key, params } = error as Record<string, unknown>
    return {
      code: typeof code === 'string' ? code : undefined,
      message: String(message),
      key: typeof key === 'string' ? key : undefined,
      params: params && typeof params === 'object' ? (params as MessageParams) : undefined,
    }
  }
  return { message: String(error) }
}

/** One host message in the interface language, or undefined when this build has no words for it. */
function byKey(t: TFunction, key: string | undefined, params: MessageParams): string | undefined {
  if (key === undefined) return undefined
  // A schema's type names ("string", "array") in the writer's words.
  const expected =
    typeof params.expected === 'string'
      ? { expected: t(`host.types.${params.expected}`, { defaultValue: params.expected }) }
      : {}
  const text = t(`host.messages.${key}`, { ...params, ...expected, defaultValue: MISSING })
  return text === MISSING ? undefined : text
}

/** A library problem in the writer's language: "line 3: title: 这里应填写…". */
export function problemText(
  t: TFunction,
  problem: HostMessage & { line?: number | null; field?: string | null },
): string {
  const where = problem.line ? `${t('host.atLine', { line: problem.line })}: ` : ''
  const field = problem.field ? `${problem.field}: ` : ''
  return `${where}${field}${hostErrorText(t, problem)}`
}

/**
 * A host failure in the writer's language: by its message key, else by its code. The host's
 * own English is shown only for a code this build does not know (a newer host).
 */
export function hostErrorText(t: TFunction, error: unknown): string {
  const { code, message, key, params = {} } = asHostMessage(error)
  const worded = byKey(t, key, params) ?? (isErrorCode(code) ? t(`host.codes.${code}`) : message)
  const parts = [worded]
  // A server's own words are quoted after the sentence; a follow-up sentence names its own key.
  if (typeof params.serverSaid === 'string' && params.serverSaid !== '')
    parts.push(t('host.serverSaid', { serverSaid: params.serverSaid }))
  if (typeof params.andThen === 'string') parts.push(byKey(t, params.andThen, {}) ?? '')
  return parts.filter(Boolean).join(t('host.sentenceGap'))
}
