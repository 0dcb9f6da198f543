import { jsonLineLocator } from '../prompts/jsonFile'
import type { LibraryProblem } from '../prompts/schema'
import { stylePackSchema, stylePackVersion, type StylePack } from './format'

export type PackParseResult =
  { ok: true; pack: StylePack } | { ok: false; problems: LibraryProblem[] }

const problem = (
  source: string,
  message: string,
  field: string | null = null,
  line: number | null = null,
  ref: Pick<LibraryProblem, 'key' | 'params'> = {},
): LibraryProblem => ({ source, line, field, message, ...ref })

/**
 * Reads a `.quirepack` file's text. A file that is not a pack, a pack from a newer Quire and a
 * damaged pack are told apart, each in one sentence.
 */
export function parseStylePack(text: string, source: string): PackParseResult {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return {
      ok: false,
      problems: [
        problem(
          source,
          'This is not a Quire style pack: the file is not JSON, or it is cut short.',
          null,
          null,
          { key: 'pack-not-json' },
        ),
      ],
    }
  }
  const header = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>
  if (header.format !== 'quirepack')
    return {
      ok: false,
      problems: [
        problem(
          source,
          'This is not a Quire style pack (it has no "format": "quirepack").',
          'format',
          null,
          { key: 'pack-not-a-pack' },
        ),
      ],
    }
  if (typeof header.version === 'number' && header.version > stylePackVersion)
    return {
      ok: false,
      problems: [
        problem(
          source,
          `This pack was made by a newer Quire (pack version ${header.version}); update Quire to import it.`,
          'version',
          null,
          { key: 'pack-too-new', params: { version: header.version } },
        ),
      ],
    }
  const parsed = stylePackSchema.safeParse(data)
  if (parsed.success) return { ok: true, pack: parsed.data }
  const lineOf = jsonLineLocator(text)
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
      const path = unknownKey === undefined ? issue.path : [...issue.path, unknownKey]
      const ref: Pick<LibraryProblem, 'key' | 'params'> =
        unknownKey !== undefined
          ? { key: 'pack-unknown-field', params: { field: unknownKey } }
          : {
              key: issue.code === 'too_big' ? 'pack-too-big' : 'pack-damaged',
              params: { reason: issue.message },
            }
      return problem(
        source,
        unknownKey !== undefined
          ? `The pack is damaged: unknown field "${unknownKey}".`
          : issue.code === 'too_big'
            ? `The pack is too large: ${issue.message}.`
            : `The pack is damaged: ${issue.message}.`,
        path.length > 0 ? path.map(String).join('.') : null,
        lineOf(path),
        ref,
      )
    }),
  }
}

/** The text of a `.quirepack` file. */
export function serializeStylePack(pack: StylePack): string {
  return `${JSON.stringify(pack, null, 2)}\n`
}
