import type { PromptSummary } from '@shared/contract'
import type { GenerationOverridesInput } from '@shared/compare/configuration'
import type { LoraAdapterSpec, SamplingPreset } from '@shared/presets/schema'
import { editFrontMatter } from '@shared/prompts/editFrontMatter'
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

const WHOLE: ReadonlySet<SamplingField> = new Set(['topK', 'maxTokens'])

/** The fields the contract would refuse: empty, out of range, or a fraction where a whole number goes. */
export function samplingProblems(draft: SamplingDraft): SamplingField[] {
  return SAMPLING_FIELDS.filter((field) => {
    const value = draft[field]
    const { min, max } = FIELD_LIMITS[field]
    return (
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      (WHOLE.has(field) && !Number.isInteger(value))
    )
  })
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

/**
 * Who speaks and with which adapters, besides the template and the sampling values: the persona
 * chosen (and the prompt's own), the system message as edited (and the chosen persona's text it
 * started from), the LoRA set (and the one the prompt runs with).
 */
export type VoiceDraft = {
  persona: string
  basePersona: string
  system: string
  personaText: string
  lora: LoraAdapterSpec[]
  baseLora: LoraAdapterSpec[]
}

const sameLora = (a: readonly LoraAdapterSpec[], b: readonly LoraAdapterSpec[]): boolean =>
  a.length === b.length && a.every((x, i) => x.file === b[i]?.file && x.scale === b[i]?.scale)

/** Whether the system message differs from the chosen persona's text (whitespace at the ends aside). */
export const systemEdited = (voice: VoiceDraft): boolean =>
  voice.system.trim() !== voice.personaText.trim()

/**
 * The overrides a playground run sends: the template and sampling values always; the persona,
 * the system message and the LoRA set only when they differ from the prompt's own, so an
 * unchanged configuration keeps the prompt's fingerprint.
 */
export function overridesFrom(
  template: string,
  sampling: Omit<SamplingDraft, 'maxTokens'>,
  voice: VoiceDraft,
): GenerationOverridesInput {
  return {
    template: { body: template, ...(systemEdited(voice) && { system: voice.system }) },
    sampling,
    ...(voice.persona !== voice.basePersona && { persona: voice.persona }),
    ...(!sameLora(voice.lora, voice.baseLora) && { lora: voice.lora }),
  }
}

/**
 * The prompt file saved as a new version: the edited template, and the persona chosen named in
 * its front matter. Sampling values and the LoRA set belong to a preset; an edited system
 * message to the persona's own file.
 */
export function versionText(fileText: string, template: string, voice: VoiceDraft): string {
  const text = withTemplate(fileText, template)
  if (voice.persona === voice.basePersona) return text
  return editFrontMatter(text, { set: { persona: voice.persona } }) ?? text
}

/** A user preset from the playground's values and LoRA set, on top of the values the prompt ran with. */
export function presetFrom(
  title: string,
  base: Omit<SamplingPreset, 'id' | 'title' | 'description' | 'lora'>,
  draft: SamplingDraft,
  prompt: PromptSummary,
  lora: readonly LoraAdapterSpec[] = [],
): SamplingPreset {
  return {
    ...base,
    ...draft,
    id: presetIdOf(title),
    title: title.trim(),
    description: `${prompt.title} · playground`,
    lora: [...lora],
  }
}
