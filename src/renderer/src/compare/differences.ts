import type { TFunction } from 'i18next'
import type { StartedEvent } from '@shared/contract'
import type { ResolvedConfiguration } from '@shared/compare/configuration'
import { configurationDifferences } from '@shared/compare/fingerprint'

/** Settings that are the same in every comparison of one action. */
const HIDDEN = new Set(['language', 'promptId'])

/** Where an answer ran, in the writer's words: "this computer", "the remote server". */
const where = (t: TFunction, backend: ResolvedConfiguration['backend']) =>
  t(`compare.backend.${backend}`)

/** "Qwen3 8B · this computer": the model and backend a configuration ran on. */
export function configurationRunsOn(
  t: TFunction,
  configuration: Pick<ResolvedConfiguration, 'model' | 'backend'>,
): string {
  return t('compare.runsOn', {
    model: configuration.model || '–',
    where: where(t, configuration.backend),
  })
}

/** The model and backend one answer ran on. */
export function runsOn(t: TFunction, started: StartedEvent): string {
  return configurationRunsOn(t, {
    model: started.model,
    backend: started.configuration?.backend ?? 'local',
  })
}

/**
 * "Running on: Qwen3 4B · this computer and Qwen3 8B · this computer", when the two answers run
 * on different models or backends (null otherwise); sorted, so it does not tell which is which.
 */
export function runningOn(
  t: TFunction,
  a: StartedEvent | null,
  b: StartedEvent | null,
): string | null {
  if (!a || !b) return null
  const both = [runsOn(t, a), runsOn(t, b)].sort()
  if (both[0] === both[1]) return null
  return t('compare.runningOn', { first: both[0], second: both[1] })
}

/** "Temperature: 0.85 → 1.2", one line per setting that differs, in the writer's language. */
export function differenceLines(
  t: TFunction,
  a: ResolvedConfiguration | null | undefined,
  b: ResolvedConfiguration | null | undefined,
): string[] {
  if (!a || !b) return []
  return configurationDifferences(a, b)
    .filter((d) => !HIDDEN.has(d.path))
    .map((d) => {
      const name = t(`compare.setting.${d.path.replace(/\./g, '_')}`, { defaultValue: d.path })
      const value = (text: string | null) =>
        text === null ? '–' : d.path === 'backend' ? where(t, text as 'local' | 'remote') : text
      return `${name}: ${value(d.a)} → ${value(d.b)}`
    })
}
