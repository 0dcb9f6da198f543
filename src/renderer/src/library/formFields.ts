import { readFrontMatter } from '@shared/prompts/frontMatter'
import { checkShortcut, type Binding, type ShortcutCheck } from '@shared/prompts/keymap'

/** The front-matter fields the Library editor shows as a form. */
export const FORM_FIELDS = [
  'title',
  'description',
  'preset',
  'persona',
  'maxTokens',
  'shortcut',
] as const
export type FormField = (typeof FORM_FIELDS)[number]

/** The largest token budget a prompt may ask for (as the prompt schema allows). */
export const MAX_TOKEN_BUDGET = 8_192

/** What is wrong with one field, for the interface to put into words. */
export type FieldIssue =
  | { field: 'title'; kind: 'required' }
  | { field: 'maxTokens'; kind: 'token-budget' }
  | { field: 'preset' | 'persona'; kind: 'unknown'; name: string }
  | { field: 'shortcut'; kind: 'shortcut'; check: Exclude<ShortcutCheck, { ok: true }> }

/** Each form field as written in the file ("" when absent), readable even when the file is not valid. */
export function formValues(text: string): Record<FormField, string> {
  const front = readFrontMatter(text, 'editor')
  const data =
    front.ok && front.data !== null && typeof front.data === 'object'
      ? (front.data as Record<string, unknown>)
      : {}
  const read = (field: FormField): string => {
    const value = data[field]
    return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
  }
  return Object.fromEntries(FORM_FIELDS.map((field) => [field, read(field)])) as Record<
    FormField,
    string
  >
}

/**
 * Checks the form as the writer types: a title, a whole-number token budget, a preset and a
 * persona that exist, and a shortcut that is readable, not reserved and not another action's.
 */
export function formIssues(
  values: Record<FormField, string>,
  context: {
    promptId: string
    presets: readonly string[]
    personas: readonly string[]
    bindings: readonly Binding[]
  },
): Partial<Record<FormField, FieldIssue>> {
  const issues: Partial<Record<FormField, FieldIssue>> = {}
  if (values.title.trim() === '') issues.title = { field: 'title', kind: 'required' }
  const budget = values.maxTokens.trim()
  if (
    budget !== '' &&
    (!/^\d+$/.test(budget) || Number(budget) < 1 || Number(budget) > MAX_TOKEN_BUDGET)
  )
    issues.maxTokens = { field: 'maxTokens', kind: 'token-budget' }
  for (const field of ['preset', 'persona'] as const) {
    const name = values[field].trim()
    const known = field === 'preset' ? context.presets : context.personas
    if (name !== '' && !known.includes(name)) issues[field] = { field, kind: 'unknown', name }
  }
  const check = checkShortcut(values.shortcut, context.promptId, context.bindings)
  if (!check.ok) issues.shortcut = { field: 'shortcut', kind: 'shortcut', check }
  return issues
}
