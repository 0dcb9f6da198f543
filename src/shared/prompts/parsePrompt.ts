import { issueRef } from './issueRef'
import type { z } from 'zod'
import type { Language } from '../contract/schemas'
import { readFrontMatter } from './frontMatter'
import { builtInVariables, templateVariables } from './templateCheck'
import {
  personaFrontMatterSchema,
  promptFrontMatterSchema,
  requiredSections,
  type LibraryProblem,
  type Persona,
  type PromptDefinition,
} from './schema'

// The built-ins, and a name no plain object can hold as its own value.
const reservedVariableNames = new Set<string>([...builtInVariables, '__proto__'])

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: LibraryProblem[] }

/** The `## Heading` names of a prompt body, in order. */
export function sectionNames(body: string): string[] {
  return [...body.matchAll(/^##\s+(.+?)\s*$/gm)].map((match) => match[1] ?? '')
}

function validate<S extends z.ZodType>(
  schema: S,
  text: string,
  source: string,
): ParseResult<{
  data: z.output<S>
  body: string
  bodyLine: number
  lineOf: (path: readonly PropertyKey[]) => number | null
}> {
  const front = readFrontMatter(text, source)
  if (!front.ok) return { ok: false, problems: [front.problem] }
  const parsed = schema.safeParse(front.data)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
      const path = unknownKey === undefined ? issue.path : [...issue.path, unknownKey]
      const field = path.length > 0 ? path.map(String).join('.') : null
      const message = unknownKey === undefined ? issue.message : `Unknown field "${unknownKey}".`
      const ref =
        unknownKey === undefined
          ? issueRef(issue)
          : { key: 'unknown-field' as const, params: { field: unknownKey } }
      return { source, line: front.lineOf(path), field, message, ...ref }
    })
    return { ok: false, problems }
  }
  // Problems with the body point at its first written line, past blank ones.
  const leadingBlank = /^\s*/.exec(front.body)?.[0] ?? ''
  const bodyLine = text
    .slice(0, text.length - front.body.length + leadingBlank.lastIndexOf('\n') + 1)
    .split('\n').length
  return {
    ok: true,
    value: { data: parsed.data, body: front.body, bodyLine, lineOf: front.lineOf },
  }
}

/** Parses and validates one prompt file; problems name the file, the line and the field. */
export function parsePromptFile(
  text: string,
  source: string,
  language: Language,
): ParseResult<PromptDefinition> {
  const result = validate(promptFrontMatterSchema, text, source)
  if (!result.ok) return result
  const { data, body, bodyLine, lineOf } = result.value
  // A field named like a built-in would ask the writer for a value the built-in then replaces.
  const shadowing = data.variables.findIndex((v) => reservedVariableNames.has(v.name))
  const shadowed = data.variables[shadowing]
  if (shadowed) {
    const path = ['variables', shadowing, 'name']
    return {
      ok: false,
      problems: [
        {
          source,
          line: lineOf(path),
          field: path.join('.'),
          message: `"${shadowed.name}" is filled in by Quire itself (${builtInVariables.join(', ')}); give this field another name.`,
          key: 'variable-name-built-in',
          params: { name: shadowed.name, builtIns: builtInVariables.join(', ') },
        },
      ],
    }
  }
  const present = new Set(sectionNames(body))
  const missing = requiredSections.filter((name) => !present.has(name))
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [
        {
          source,
          line: bodyLine,
          field: null,
          message: `The prompt body needs the sections ${missing.map((m) => `## ${m}`).join(', ')}.`,
          key: 'body-sections-missing',
          params: { sections: missing.map((m) => `## ${m}`).join(', ') },
        },
      ],
    }
  }
  const template = templateVariables(body)
  if (!template.ok) {
    return {
      ok: false,
      problems: [
        {
          source,
          line: bodyLine,
          field: null,
          message: `The prompt body is not a valid template: ${template.message}`,
          key: 'body-template-invalid',
          params: { reason: template.message },
        },
      ],
    }
  }
  const known = new Set<string>([...builtInVariables, ...data.variables.map((v) => v.name)])
  const unknown = template.names.filter((name) => !known.has(name))
  if (unknown.length > 0) {
    return {
      ok: false,
      problems: [
        {
          source,
          line: bodyLine,
          field: 'variables',
          message: `The body uses {{${unknown.join('}}, {{')}}} but the front matter does not declare ${unknown.length > 1 ? 'them' : 'it'} under variables.`,
          key: 'body-variables-undeclared',
          params: { names: `{{${unknown.join('}}, {{')}}}` },
        },
      ],
    }
  }
  return { ok: true, value: { ...data, language, body: body.trim(), source } }
}

/** Parses one persona file: front matter, then the system text. */
export function parsePersonaFile(
  text: string,
  source: string,
  language: Language,
): ParseResult<Persona> {
  const result = validate(personaFrontMatterSchema, text, source)
  if (!result.ok) return result
  const { data, body, bodyLine } = result.value
  if (body.trim().length === 0) {
    return {
      ok: false,
      problems: [
        {
          source,
          line: bodyLine,
          field: null,
          message: 'The persona has no text.',
          key: 'persona-empty',
        },
      ],
    }
  }
  return { ok: true, value: { ...data, language, text: body.trim(), source } }
}
