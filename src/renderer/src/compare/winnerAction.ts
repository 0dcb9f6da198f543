import type { ResolvedConfiguration } from '@shared/compare/configuration'
import { configurationDifferences } from '@shared/compare/fingerprint'
import type { PairStats } from '@shared/compare/pairStats'

/** What the two sides' model and backend are, apart from the action's own settings. */
const MACHINE = new Set(['model', 'backend'])
const SAME_EVERYWHERE = new Set(['language', 'promptId'])

/**
 * What "make the winner the default" does for a pair. Settings (preset, persona, sampling,
 * prompt text) become the action's default in its prompt file. A model cannot be one action's
 * default, since every action shares the model in memory: a winning local model is offered as
 * the model in use for all actions, and a winning server is left to Settings.
 */
export type WinnerAction =
  | { kind: 'settings' }
  | { kind: 'load'; model: string; path: string; alsoSettings: boolean }
  | { kind: 'in-use'; model: string; alsoSettings: boolean }
  | { kind: 'server'; model: string; alsoSettings: boolean }
  | { kind: 'missing'; model: string; alsoSettings: boolean }

type Installed = { name: string | null; title: string; path: string }

/** Decides what adopting `winner` of the pair does, from the installed models and the one in use. */
export function winnerAction(
  pair: Pick<PairStats, 'first' | 'second'>,
  winner: ResolvedConfiguration,
  installed: readonly Installed[],
  inUsePath: string | null,
): WinnerAction {
  const differences = configurationDifferences(
    pair.first.configuration,
    pair.second.configuration,
  ).filter((d) => !SAME_EVERYWHERE.has(d.path))
  if (!differences.some((d) => MACHINE.has(d.path))) return { kind: 'settings' }
  const alsoSettings = differences.some((d) => !MACHINE.has(d.path))
  const model = winner.model
  if (winner.backend === 'remote') return { kind: 'server', model, alsoSettings }
  const entry = installed.find((m) => m.name === model) ?? installed.find((m) => m.title === model)
  if (!entry) return { kind: 'missing', model, alsoSettings }
  if (entry.path === inUsePath) return { kind: 'in-use', model, alsoSettings }
  return { kind: 'load', model, path: entry.path, alsoSettings }
}
