import type { LibraryListing } from '@shared/prompts/libraryContract'
import type { LayeredLibrary } from './loadLibrary'
import { summarizePrompts } from './promptLibrary'

/** What the Library panel lists: every prompt, persona and preset with where it comes from. */
export function describeLibrary(library: LayeredLibrary): LibraryListing {
  return {
    prompts: summarizePrompts(library).map((summary, index) => {
      const p = library.prompts[index]
      return {
        ...summary,
        origin: p?.origin ?? 'bundled',
        overrides: p?.overrides ?? false,
        source: p?.source ?? '',
      }
    }),
    personas: library.personas.map((p) => ({
      id: p.id,
      language: p.language,
      title: p.title,
      description: p.description,
      origin: p.origin,
      overrides: p.overrides,
      source: p.source,
    })),
    presets: library.presets.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      origin: library.presetOrigins[p.id]?.origin ?? 'bundled',
      overrides: library.presetOrigins[p.id]?.overrides ?? false,
    })),
    replacements: library.replacements,
    problems: library.problems.map((p) => ({ ...p, severity: p.severity ?? 'error' })),
    userFolder: library.userPaths?.prompts ?? null,
  }
}
