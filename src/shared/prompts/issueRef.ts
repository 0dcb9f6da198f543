import type { z } from 'zod'
import type { HostMessageKey } from '../contract/messageKeys'
import type { MessageParams } from '../contract/errors'

type Ref = { key: HostMessageKey; params: MessageParams }

const bound = (origin: string, limit: number | bigint, side: 'minimum' | 'maximum'): Ref | null => {
  const params = { [side]: Number(limit) }
  const small = side === 'minimum'
  if (origin === 'string') return { key: small ? 'field-too-short' : 'field-too-long', params }
  if (origin === 'number') return { key: small ? 'field-too-small' : 'field-too-big', params }
  if (origin === 'array') return { key: small ? 'field-too-few' : 'field-too-many', params }
  return null
}

/** The message key and values for a schema problem, so the Library can word it in Chinese too. */
export function issueRef(issue: z.core.$ZodIssue): Ref {
  switch (issue.code) {
    case 'invalid_type':
      return { key: 'field-type', params: { expected: issue.expected } }
    case 'too_small':
      return bound(issue.origin, issue.minimum, 'minimum') ?? invalid(issue.message)
    case 'too_big':
      return bound(issue.origin, issue.maximum, 'maximum') ?? invalid(issue.message)
    case 'invalid_value':
      return { key: 'field-one-of', params: { values: issue.values.map(String).join(', ') } }
    default:
      return invalid(issue.message)
  }
}

const invalid = (reason: string): Ref => ({ key: 'field-invalid', params: { reason } })
