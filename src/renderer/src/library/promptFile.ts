import type { Language } from '@shared/contract'
import { editFrontMatter } from '@shared/prompts/editFrontMatter'
import { parsePromptFile } from '@shared/prompts/parsePrompt'
import type { LibraryProblem, PromptDefinition } from '@shared/prompts/schema'

const FRONT = /^(\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$))([\s\S]*)$/

/** Splits a prompt file into its front matter block (with the --- lines) and its body. */
export function splitPromptFile(text: string): { front: string; body: string } {
  const match = FRONT.exec(text)
  return match ? { front: match[1] ?? '', body: match[2] ?? '' } : { front: '', body: text }
}

/** Puts a new body under the same front matter. */
export function withBody(text: string, body: string): string {
  return splitPromptFile(text).front + body
}

const NUMERIC_FIELDS = new Set(['maxTokens'])

/** Sets one front-matter field, keeping every other line as written; unchanged when unreadable. */
export function withField(text: string, field: string, value: string): string {
  // Numbers stay numbers in the YAML ("maxTokens: 300", not "maxTokens: '300'").
  const typed =
    NUMERIC_FIELDS.has(field) && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value
  const edited =
    value.trim() === ''
      ? editFrontMatter(text, { remove: [field] })
      : editFrontMatter(text, { set: { [field]: typed } })
  return edited ?? text
}

/** Checks the text as the host will, so problems show while the writer types. */
export function checkPromptText(
  text: string,
  language: Language,
  known: { presets: readonly string[]; personas: readonly string[] },
): { prompt: PromptDefinition | null; problems: LibraryProblem[] } {
  const result = parsePromptFile(text, 'editor', language)
  if (!result.ok) return { prompt: null, problems: result.problems }
  const problems: LibraryProblem[] = []
  if (!known.presets.includes(result.value.preset))
    problems.push({
      source: 'editor',
      line: null,
      field: 'preset',
      message: `Unknown preset "${result.value.preset}".`,
      key: 'unknown-preset',
      params: { id: result.value.preset },
    })
  if (!known.personas.includes(result.value.persona))
    problems.push({
      source: 'editor',
      line: null,
      field: 'persona',
      message: `Unknown persona "${result.value.persona}".`,
      key: 'unknown-persona',
      params: { id: result.value.persona },
    })
  return { prompt: result.value, problems }
}
