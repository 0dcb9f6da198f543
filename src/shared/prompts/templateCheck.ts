import Mustache from 'mustache'

/** Variables every prompt may use without declaring them. */
export const builtInVariables = ['selection', 'before', 'after', 'title', 'language'] as const

type Token = [string, string, number, number, Token[]?]

function collectNames(tokens: readonly Token[], into: Set<string>): void {
  for (const token of tokens) {
    const [type, value] = token
    if (type === 'name' || type === '&' || type === '{' || type === '#' || type === '^')
      into.add(value)
    if (token[4]) collectNames(token[4], into)
  }
}

/** Parses a Mustache template and lists the variables it uses, or explains why it cannot be parsed. */
export function templateVariables(
  template: string,
): { ok: true; names: string[] } | { ok: false; message: string } {
  try {
    const names = new Set<string>()
    collectNames(Mustache.parse(template) as Token[], names)
    return { ok: true, names: [...names] }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}
