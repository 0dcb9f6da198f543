import { readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { Language } from '@shared/contract'
import { parsePersonaFile } from '@shared/prompts/parsePrompt'
import type { LibraryProblem } from '@shared/prompts/schema'
import { detectLanguage } from '@shared/text/script'
import type { LayeredLibrary } from './loadLibrary'
import { checkPromptText } from './userPrompts'

/**
 * Checks one prompt or persona file as the library would load it, against the rest of the
 * library. The language comes from its folder (`en`, `zh`), else from its script; a file in a
 * `personas/<lang>` folder is read as a persona.
 */
export async function checkLibraryFile(
  library: LayeredLibrary,
  file: string,
): Promise<LibraryProblem[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const message =
      (error as { code?: string }).code === 'ENOENT'
        ? 'The file does not exist.'
        : error instanceof Error
          ? error.message
          : String(error)
    return [{ source: file, line: null, field: null, message }]
  }
  const folder = basename(dirname(file))
  const language: Language =
    folder === 'zh' || folder === 'en'
      ? folder
      : detectLanguage(text.replace(/^---[\s\S]*?\n---/, ''))
  if (basename(dirname(dirname(file))) === 'personas') {
    const parsed = parsePersonaFile(text, file, language)
    return parsed.ok ? [] : parsed.problems
  }
  return checkPromptText(library, language, text, file).problems
}
