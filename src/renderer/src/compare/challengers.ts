import type { GenerationOverridesInput } from '@shared/compare/configuration'

/**
 * What can be tried against the action as it is: a version of its prompt, another preset,
 * persona or temperature, another installed model, or the remote server.
 */
export type Challenger =
  | { key: string; kind: 'prompt'; id: string; title: string }
  | { key: string; kind: 'preset'; id: string; title: string }
  | { key: string; kind: 'persona'; id: string; title: string }
  | { key: string; kind: 'temperature'; value: number }
  | { key: string; kind: 'model'; id: string; title: string }
  | { key: string; kind: 'remote'; title: string }

type Named = { id: string; title: string }

/** The models and server a comparison may run on besides the model in use. */
export type BackendChoices = {
  /** Installed models other than the one in use. */
  models: readonly Named[]
  /** The server's address when one is set and this computer's engine is in use, else null. */
  remote: string | null
}

const NO_BACKENDS: BackendChoices = { models: [], remote: null }

/** Temperatures worth trying against a preset's own (they span cautious to adventurous). */
const TEMPERATURES = [0.5, 0.7, 1.0, 1.2]

/** One step more adventurous, the natural first thing to try against a preset. */
const NEXT_PRESET: Record<string, string> = {
  precise: 'balanced',
  balanced: 'creative',
  creative: 'wild',
  wild: 'creative',
}

/** A writer's version of an action's prompt: a copy named after it (`rewrite.lyrical-2`, `…-copy`). */
export function isPromptVersion(actionId: string, candidateId: string): boolean {
  return candidateId.startsWith(`${actionId}-`)
}

/**
 * Every challenger for an action using `preset` and `persona`: the writer's versions of its
 * prompt (its template run with the action's settings), the other presets, personas,
 * temperatures, then the other installed models and the remote server.
 */
export function challengers(
  current: { id: string; preset: string; persona: string },
  presets: readonly Named[],
  personas: readonly Named[],
  prompts: readonly Named[] = [],
  backends: BackendChoices = NO_BACKENDS,
): Challenger[] {
  return [
    ...prompts
      .filter((p) => isPromptVersion(current.id, p.id))
      .map((p) => ({ key: `prompt:${p.id}`, kind: 'prompt' as const, id: p.id, title: p.title })),
    ...presets
      .filter((p) => p.id !== current.preset)
      .map((p) => ({ key: `preset:${p.id}`, kind: 'preset' as const, id: p.id, title: p.title })),
    ...personas
      .filter((p) => p.id !== current.persona)
      .map((p) => ({ key: `persona:${p.id}`, kind: 'persona' as const, id: p.id, title: p.title })),
    ...TEMPERATURES.map((value) => ({
      key: `temperature:${value}`,
      kind: 'temperature' as const,
      value,
    })),
    ...backends.models.map((m) => ({
      key: `model:${m.id}`,
      kind: 'model' as const,
      id: m.id,
      title: m.title,
    })),
    ...(backends.remote === null
      ? []
      : [{ key: 'backend:remote', kind: 'remote' as const, title: backends.remote }]),
  ]
}

/** The challenger to start with: the one last used for this action, else the next preset up. */
export function defaultChallenger(
  options: readonly Challenger[],
  currentPreset: string,
  lastKey: string | null,
): Challenger | null {
  const last = options.find((o) => o.key === lastKey)
  if (last) return last
  const next = options.find((o) => o.key === `preset:${NEXT_PRESET[currentPreset] ?? ''}`)
  return next ?? options.find((o) => o.kind === 'preset') ?? options[0] ?? null
}

/** The overrides that make a challenger's configuration; a prompt version brings its template body. */
export function challengerOverrides(
  challenger: Challenger,
  templateBody?: string,
): GenerationOverridesInput {
  switch (challenger.kind) {
    case 'prompt':
      return templateBody === undefined ? {} : { template: { body: templateBody } }
    case 'preset':
      return { preset: challenger.id }
    case 'persona':
      return { persona: challenger.id }
    case 'temperature':
      return { sampling: { temperature: challenger.value } }
    case 'model':
      return { model: challenger.id }
    case 'remote':
      return { backend: 'remote' }
  }
}
