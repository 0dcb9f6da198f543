import { QuireError } from './errors'
import { contractMethods, isMethodName, type ContractHandlers, type MethodName } from './methods'

/** Formats zod issues as one short sentence a writer can act on. */
function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) =>
      issue.path.length > 0
        ? `${issue.path.map(String).join('.')}: ${issue.message}`
        : issue.message,
    )
    .join('; ')
}

/** Validates a request from an untrusted transport and calls the handler; the one gate every transport uses. */
export async function dispatchCall(
  handlers: ContractHandlers,
  method: string,
  params: unknown,
): Promise<unknown> {
  if (!isMethodName(method))
    throw new QuireError('invalid-request', `Unknown method "${method}".`, 'unknown-method', {
      method,
    })
  const parsed = contractMethods[method].input.safeParse(params)
  if (!parsed.success)
    throw new QuireError('invalid-request', describeIssues(parsed.error.issues), 'invalid-input', {
      issues: describeIssues(parsed.error.issues),
      // Each refused value's place ("engine.threads"), so a form can mark the field in its own words.
      paths: parsed.error.issues.map((issue) => issue.path.map(String).join('.')).join(' '),
    })
  const handler = handlers[method] as (input: unknown) => Promise<unknown>
  return handler(parsed.data)
}

/** Parses a response on the client side, so a misbehaving host is caught at the boundary. */
export function parseOutput<M extends MethodName>(method: M, value: unknown): unknown {
  const parsed = contractMethods[method].output.safeParse(value)
  if (!parsed.success)
    throw new QuireError(
      'internal',
      `The host sent an invalid answer to ${method}: ${describeIssues(parsed.error.issues)}`,
      'invalid-answer',
      { method, issues: describeIssues(parsed.error.issues) },
    )
  return parsed.data
}
