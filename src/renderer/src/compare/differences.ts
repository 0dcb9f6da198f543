import type { TFunction } from 'i18next'
import type { ResolvedConfiguration } from '@shared/compare/configuration'
import { configurationDifferences } from '@shared/compare/fingerprint'

/** Settings a writer reads about; the model and backend are the same in one comparison. */
const HIDDEN = new Set(['model', 'backend', 'language', 'promptId'])

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
      return `${name}: ${d.a ?? '–'} → ${d.b ?? '–'}`
    })
}
