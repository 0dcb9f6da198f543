import { QuireError } from '../contract/errors'
import type { SamplingPreset } from '../presets/schema'
import type { RenderedPrompt } from '../prompts/render'
import type { Persona, PromptDefinition } from '../prompts/schema'
import { templateVariables } from '../prompts/templateCheck'
import type { GenerationOverrides, ResolvedConfiguration } from './configuration'
import { contentVersion } from './fingerprint'

/** The three library entries one action is rendered from. */
export type ActionParts = { prompt: PromptDefinition; persona: Persona; preset: SamplingPreset }

/** How to find a preset or persona a configuration names (throws when there is none). */
export type OverrideLookups = {
  preset(id: string): SamplingPreset
  persona(id: string): Persona
}

function checkTemplate(template: string, where: string): void {
  const parsed = templateVariables(template)
  if (!parsed.ok)
    throw new QuireError(
      'invalid-request',
      `The ${where} cannot be read: ${parsed.message}`,
      'override-unreadable',
      {
        where,
        problem: parsed.message,
      },
    )
}

/**
 * Applies a configuration's overrides to an action's prompt, persona and preset, so rendering
 * them gives exactly the messages and sampling values the configuration describes.
 */
export function applyOverrides(
  parts: ActionParts,
  overrides: GenerationOverrides | undefined,
  lookups: OverrideLookups,
): ActionParts {
  if (!overrides) return parts
  let { prompt, persona, preset } = parts
  if (overrides.preset !== undefined) {
    preset = lookups.preset(overrides.preset)
    // The prompt's own tweaks were made against its preset; a chosen preset runs as it is.
    prompt = { ...prompt, sampling: undefined }
  }
  if (overrides.sampling) {
    const { maxTokens, ...values } = overrides.sampling
    prompt = {
      ...prompt,
      sampling: { ...prompt.sampling, ...values },
      maxTokens: maxTokens ?? prompt.maxTokens,
    }
  }
  if (overrides.persona !== undefined) persona = lookups.persona(overrides.persona)
  if (overrides.lora) {
    preset = { ...preset, lora: [] }
    prompt = { ...prompt, lora: overrides.lora }
  }
  if (overrides.template) {
    checkTemplate(overrides.template.body, 'template')
    prompt = { ...prompt, body: overrides.template.body }
    if (overrides.template.system !== undefined)
      persona = { ...persona, text: overrides.template.system }
  }
  return { prompt, persona, preset }
}

/** What a rendered action is, every value explicit, but for the model and backend it runs on. */
export type ActionConfiguration = Omit<ResolvedConfiguration, 'model' | 'backend'>

/** Describes the configuration a rendered action runs with (its templates by content hash). */
export function describeAction(parts: ActionParts, rendered: RenderedPrompt): ActionConfiguration {
  return {
    promptId: parts.prompt.id,
    language: rendered.language,
    promptVersion: contentVersion(parts.prompt.body),
    preset: parts.preset.id,
    sampling: rendered.sampling,
    persona: parts.persona.id,
    personaVersion: contentVersion(parts.persona.text),
    lora: rendered.lora,
  }
}
