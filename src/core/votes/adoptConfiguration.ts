import { stringify } from 'yaml'
import { QuireError } from '@shared/contract'
import type { ResolvedConfiguration } from '@shared/compare/configuration'
import { canonicalJson, contentVersion } from '@shared/compare/fingerprint'
import { editFrontMatter } from '@shared/prompts/editFrontMatter'
import { resolveSampling } from '@shared/presets/schema'
import type { LibraryStore } from '../library/libraryStore'
import { findPersona, findPreset, findPrompt } from '../library/promptLibrary'

/** Sets block fields (flow style) just before the front matter's closing `---`. */
function insertFields(text: string, fields: Record<string, unknown>): string {
  const lines = Object.entries(fields).map(
    ([key, value]) =>
      `${key}: ${stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`,
  )
  if (lines.length === 0) return text
  const close = /^---[ \t]*$/m
  const start = text.indexOf('---') + 3
  const match = close.exec(text.slice(start))
  if (!match) return text
  const at = start + match.index
  const newline = text.includes('\r\n') ? '\r\n' : '\n'
  return text.slice(0, at) + lines.join(newline) + newline + text.slice(at)
}

/**
 * Makes a configuration the action's default: writes its preset, persona, sampling values (those
 * that differ from the preset), token budget and LoRA set into the prompt's front matter, saved
 * in the writer's folder (Restore brings the bundled file back). Refused when the prompt's or
 * persona's text has changed since the configuration ran: the votes were not about this text.
 */
export async function adoptConfiguration(
  store: LibraryStore,
  configuration: ResolvedConfiguration,
): Promise<{ promptId: string; language: 'zh' | 'en'; file: string }> {
  const library = store.current
  const prompt = findPrompt(library, configuration.promptId, configuration.language)
  const version = library.prompts.find(
    (p) => p !== prompt && contentVersion(p.body) === configuration.promptVersion,
  )
  if (contentVersion(prompt.body) !== configuration.promptVersion && version)
    throw new QuireError(
      'invalid-request',
      `The winner ran with the text of "${version.title}" (${version.id}). Use that prompt, or copy its text into "${prompt.title}" in the Library; its settings are not changed here.`,
      'adopt-other-version',
      { version: version.title, id: version.id, prompt: prompt.title },
    )
  if (contentVersion(prompt.body) !== configuration.promptVersion)
    throw new QuireError(
      'invalid-request',
      `The text of "${prompt.title}" has changed since this configuration was compared, so it cannot become the default. Compare again with the prompt as it is now.`,
      'adopt-prompt-changed',
      { prompt: prompt.title },
    )
  const persona = findPersona(library, configuration.persona, prompt.language)
  if (contentVersion(persona.text) !== configuration.personaVersion)
    throw new QuireError(
      'invalid-request',
      `The persona "${persona.title}" has changed (or was edited in the playground) since this configuration was compared; save it as a persona first.`,
      'adopt-persona-changed',
      { persona: persona.title },
    )
  const preset = findPreset(library, configuration.preset)
  const presetValues = resolveSampling(preset, undefined, undefined)
  // The preset's adapters come first in what ran; the prompt adds the rest.
  const presetLora = configuration.lora.slice(0, preset.lora.length)
  if (canonicalJson(presetLora) !== canonicalJson(preset.lora))
    throw new QuireError(
      'invalid-request',
      `This configuration ran without the LoRA adapters of the preset "${preset.title}", which a prompt cannot express. Make a preset with its adapters first.`,
      'adopt-lora-missing',
      { preset: preset.title },
    )
  const promptLora = configuration.lora.slice(preset.lora.length)
  const { maxTokens, ...values } = configuration.sampling
  const tweaks = Object.fromEntries(
    Object.entries(values).filter(
      ([key, value]) => presetValues[key as keyof typeof presetValues] !== value,
    ),
  )
  const { text } = await store.readPrompt(prompt.id, prompt.language)
  const scalars = editFrontMatter(text, {
    set: { preset: configuration.preset, persona: configuration.persona, maxTokens },
    remove: ['sampling', 'lora'],
  })
  if (scalars === null)
    throw new QuireError(
      'invalid-request',
      `The front matter of "${prompt.title}" cannot be read.`,
      'adopt-front-matter-unreadable',
      {
        prompt: prompt.title,
      },
    )
  const edited = insertFields(scalars, {
    ...(Object.keys(tweaks).length > 0 && { sampling: tweaks }),
    ...(promptLora.length > 0 && { lora: promptLora }),
  })
  const saved = await store.savePrompt(prompt.language, edited)
  if (!saved.ok)
    throw new QuireError(
      'invalid-request',
      `Quire could not save "${prompt.title}": ${saved.problems.map((p) => p.message).join('; ')}`,
      'adopt-save-failed',
      { prompt: prompt.title, problems: saved.problems.map((p) => p.message).join('; ') },
    )
  return { promptId: prompt.id, language: prompt.language, file: saved.file }
}
