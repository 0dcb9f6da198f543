import type { PromptSummary } from '@shared/contract'
import type { SamplingPreset } from '@shared/presets/schema'
import { readFrontMatter } from '@shared/prompts/frontMatter'

/** The sampling values the playground edits; the others stay as the prompt's preset has them. */
export const SAMPLING_FIELDS = [
  'temperature',
  'topP',
  'topK',
  'repeatPenalty',
  'maxTokens',
] as const
export type SamplingField = (typeof SAMPLING_FIELDS)[number]
export type SamplingDraft = Record<SamplingField, number>

/** The range of each field, as the contract checks it. */
export const FIELD_LIMITS: Record<SamplingField, { min: number; max: number; step: number }> = {
  temperature: { min: 0, max: 2, step: 0.05 },
  topP: { min: 0.01, max: 1, step: 0.01 },
  topK: { min: 0, max: 1000, step: 1 },
  repeatPenalty: { min: 1, max: 2, step: 0.01 },
  maxTokens: { min: 1, max: 8192, step: 1 },
}

/** The body of a prompt file (its template), without the front matter. */
export function templateOf(fileText: string): string {
  const front = readFrontMatter(fileText, '')
  return front.ok ? front.body.trim() : ''
}

/** The prompt file with its template replaced: saved, it is the prompt's new version. */
export function withTemplate(fileText: string, template: string): string {
  const front = readFrontMatter(fileText, '')
  if (!front.ok) return fileText
  return `${fileText.slice(0, fileText.length - front.body.length)}${template.trim()}\n`
}

/** A preset id from a title the writer typed: lowercase words joined by dashes. */
export function presetIdOf(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return /^[a-z]/.test(slug) ? slug : `preset-${slug || Date.now().toString(36)}`
}

/** A user preset from the playground's values, on top of the values the prompt ran with. */
export function presetFrom(
  title: string,
  base: Omit<SamplingPreset, 'id' | 'title' | 'description' | 'lora'>,
  draft: SamplingDraft,
  prompt: PromptSummary,
): SamplingPreset {
  return {
    ...base,
    ...draft,
    id: presetIdOf(title),
    title: title.trim(),
    description: `${prompt.title} · playground`,
    lora: [],
  }
}
