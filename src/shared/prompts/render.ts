import Mustache from 'mustache'
import type { Language } from '../contract/schemas'
import {
  resolveSampling,
  type LoraAdapterSpec,
  type SamplingPreset,
  type SamplingValues,
} from '../presets/schema'
import type { Persona, PromptDefinition } from './schema'

/** What a prompt is rendered against: the built-in variables plus the prompt's own. */
export type RenderContext = {
  selection: string
  before: string
  after: string
  title: string
  language: Language
  variables: Record<string, string>
}

export type RenderedPrompt = {
  promptId: string
  kind: PromptDefinition['kind']
  apply: PromptDefinition['apply']
  /** The preset's adapters, then the prompt's. */
  lora: LoraAdapterSpec[]
  language: Language
  system: string
  user: string
  sampling: SamplingValues
}

const noEscape = (value: unknown): string => String(value)

/** Renders a template with Mustache, inserting values verbatim (these are prompts, not HTML). */
export function renderTemplate(template: string, view: Record<string, string>): string {
  return Mustache.render(template, view, {}, { escape: noEscape })
}

/** Builds the exact messages and sampling values for one action. */
export function renderPrompt(
  prompt: PromptDefinition,
  persona: Persona,
  preset: SamplingPreset,
  context: RenderContext,
): RenderedPrompt {
  const defaults = Object.fromEntries(prompt.variables.map((v) => [v.name, v.default]))
  const provided = Object.fromEntries(
    Object.entries(context.variables).filter(([, value]) => value.trim() !== ''),
  )
  const view: Record<string, string> = {
    ...defaults,
    ...provided,
    selection: context.selection,
    before: context.before,
    after: context.after,
    title: context.title,
    language: context.language,
  }
  return {
    promptId: prompt.id,
    kind: prompt.kind,
    apply: prompt.apply,
    lora: [...preset.lora, ...prompt.lora],
    language: context.language,
    system: persona.text,
    user: renderTemplate(prompt.body, view).trim(),
    sampling: resolveSampling(preset, prompt.sampling, prompt.maxTokens),
  }
}
