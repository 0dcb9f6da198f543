import { copyFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { QuireError, type Language } from '@shared/contract'
import { parsePersonaFile } from '@shared/prompts/parsePrompt'
import type { LibraryProblem } from '@shared/prompts/schema'
import { writeFileAtomic } from '../settings/atomicWrite'
import type { LayeredLibrary } from './loadLibrary'

/** A persona file as written, and where it comes from. */
export async function readPersonaText(library: LayeredLibrary, id: string, language: Language) {
  const persona = library.personas.find((p) => p.id === id && p.language === language)
  if (!persona)
    throw new QuireError(
      'prompt-not-found',
      `There is no ${language === 'zh' ? 'Chinese' : 'English'} persona "${id}".`,
      language === 'zh' ? 'no-such-persona-zh' : 'no-such-persona-en',
      { id },
    )
  const text = library.textOf(persona.source) ?? (await readFile(persona.source, 'utf8'))
  return {
    id,
    language,
    text,
    origin: persona.origin,
    overrides: persona.overrides,
    source: persona.source,
  }
}

/**
 * Saves a persona into the user folder under its id (a built-in persona with the same id is
 * overridden, not changed); checked first and refused with its problems. The previous user
 * file is kept as `.bak`.
 */
export async function saveUserPersona(
  library: LayeredLibrary,
  language: Language,
  text: string,
): Promise<
  | { ok: true; id: string; file: string }
  | { ok: false; problems: (LibraryProblem & { severity: 'error' | 'warning' })[] }
> {
  if (!library.userPaths)
    throw new QuireError(
      'invalid-request',
      'There is no user folder to save personas in.',
      'no-persona-folder',
    )
  const parsed = parsePersonaFile(text, 'persona', language)
  if (!parsed.ok)
    return {
      ok: false,
      problems: parsed.problems.map((problem) => ({
        ...problem,
        severity: problem.severity ?? 'error',
      })),
    }
  const file = join(library.userPaths.personas, language, `${parsed.value.id}.md`)
  await copyFile(file, `${file}.bak`).catch(() => {})
  await writeFileAtomic(file, text)
  return { ok: true, id: parsed.value.id, file }
}
