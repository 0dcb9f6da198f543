import { QuireError } from '@shared/contract'
import { generationOverridesSchema, type GenerationOverrides } from '@shared/compare/configuration'
import type { EvalSuite } from '@shared/eval'
import type { PromptLibrary } from '../library/promptLibrary'

/** The configuration that changes nothing: each prompt as its file says. */
export const PROMPT_DEFAULTS = 'prompt'

/**
 * What `--configs A,B` names, each in turn: a configuration of the suite, a sampling preset
 * (`creative` runs every prompt with that preset), or `prompt` for each prompt's own settings.
 * Without `--configs`, the suite's configurations, else `prompt`.
 */
export function resolveConfigurations(
  names: readonly string[] | undefined,
  suite: EvalSuite,
  library: PromptLibrary,
): { name: string; overrides: GenerationOverrides }[] {
  const chosen = names ?? Object.keys(suite.configurations)
  if (chosen.length === 0) return [{ name: PROMPT_DEFAULTS, overrides: {} }]
  if (new Set(chosen).size !== chosen.length)
    throw new QuireError(
      'invalid-request',
      'A configuration is named twice in --configs.',
      'eval-config-twice',
    )
  return chosen.map((name) => {
    if (Object.hasOwn(suite.configurations, name)) {
      const parsed = generationOverridesSchema.safeParse(suite.configurations[name])
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const where = issue?.path.length ? ` (${issue.path.join('.')})` : ''
        throw new QuireError(
          'invalid-request',
          `The suite's configuration "${name}" is not valid${where}: ${issue?.message ?? 'unknown problem'}`,
          'eval-config-invalid',
          { name, where, problem: issue?.message ?? 'unknown problem' },
        )
      }
      return { name, overrides: parsed.data }
    }
    if (name === PROMPT_DEFAULTS) return { name, overrides: {} }
    if (library.presets.some((preset) => preset.id === name))
      return { name, overrides: { preset: name } }
    const known = [
      PROMPT_DEFAULTS,
      ...Object.keys(suite.configurations),
      ...library.presets.map((p) => p.id),
    ]
    throw new QuireError(
      'invalid-request',
      `There is no configuration "${name}". Name one of: ${known.join(', ')}.`,
      'eval-config-unknown',
      { name, known: known.join(', ') },
    )
  })
}
