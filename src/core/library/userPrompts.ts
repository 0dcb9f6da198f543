import { access, copyFile, readdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { QuireError, type Language } from '@shared/contract'
import { editFrontMatter } from '@shared/prompts/editFrontMatter'
import { frontMatterLine } from '@shared/prompts/frontMatter'
import {
  inShortcutOrder,
  referenceProblems,
  shortcutProblems,
  twinProblems,
} from '@shared/prompts/libraryChecks'
import type { PromptOrigin } from '@shared/prompts/libraryTypes'
import { parsePromptFile } from '@shared/prompts/parsePrompt'
import { isErrorProblem } from '@shared/prompts/problems'
import type { LibraryProblem, PromptDefinition } from '@shared/prompts/schema'
import { writeFileAtomic } from '../settings/atomicWrite'
import type { LayeredLibrary, LibraryPrompt } from './loadLibrary'
import type { LayerPaths } from './libraryPaths'

/** A saved prompt file (warnings may remain), or the problems that kept it from being saved. */
export type SaveResult =
  | { ok: true; id: string; language: Language; file: string; problems: LibraryProblem[] }
  | { ok: false; problems: LibraryProblem[] }

const copyTitle: Record<Language, (title: string) => string> = {
  en: (title) => `${title} (copy)`,
  zh: (title) => `${title}（副本）`,
}

function userPaths(library: LayeredLibrary): LayerPaths {
  if (!library.userPaths)
    throw new QuireError(
      'internal',
      'This library was loaded without a user folder.',
      'no-user-folder',
    )
  return library.userPaths
}

/** Copies a file to `<file>.bak` (replacing an older backup) so a change never loses it. */
async function backUp(file: string): Promise<string | null> {
  const backup = `${file}.bak`
  try {
    await copyFile(file, backup)
    return backup
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null
    throw error
  }
}

function effective(library: LayeredLibrary, id: string, language: Language): LibraryPrompt {
  const prompt = library.prompts.find((p) => p.id === id && p.language === language)
  if (!prompt)
    throw new QuireError(
      'prompt-not-found',
      `There is no ${language === 'zh' ? 'Chinese' : 'English'} prompt "${id}" in the library.`,
      language === 'zh' ? 'no-such-prompt-zh' : 'no-such-prompt-en',
      { id },
    )
  return prompt
}

/** The text of a prompt's file as it is on disk, with where it comes from. */
export async function readPromptText(
  library: LayeredLibrary,
  id: string,
  language: Language,
): Promise<{ text: string; prompt: LibraryPrompt }> {
  const prompt = effective(library, id, language)
  return { text: await readFile(prompt.source, 'utf8'), prompt }
}

/**
 * Checks a prompt file's text as the library would load it from `source` — format, preset,
 * persona, shortcut, twin — against the rest of the library. Writes nothing.
 */
export function checkPromptText(
  library: LayeredLibrary,
  language: Language,
  text: string,
  source: string | ((id: string) => string),
): { problems: LibraryProblem[]; id: string | null; file: string } {
  const fileFor = typeof source === 'string' ? () => source : source
  const sniffed = /^id:\s*["']?([a-z0-9.-]+)/m.exec(text)?.[1] ?? 'untitled'
  const parsed = parsePromptFile(text, fileFor(sniffed), language)
  if (!parsed.ok) return { problems: parsed.problems, id: null, file: fileFor(sniffed) }
  const file = fileFor(parsed.value.id)
  const prompt = { ...parsed.value, source: file }
  const lineOf = (at: string, field: string) =>
    at === file ? frontMatterLine(text, [field]) : library.lineOf(at, field)
  const known = {
    presets: new Set(library.presets.map((p) => p.id)),
    personas: new Set(library.personas.map((p) => p.id)),
  }
  const same = (p: PromptDefinition) => p.id === prompt.id && p.language === language
  // Library order: the checked prompt takes the place of the one it replaces, else comes last.
  const at = library.prompts.findIndex(same)
  const ordered: (PromptDefinition & { origin?: PromptOrigin })[] = library.prompts.filter(
    (p) => !same(p),
  )
  ordered.splice(at < 0 ? ordered.length : at, 0, { ...prompt, origin: 'user' })
  const mine = (problem: LibraryProblem) => problem.source === file
  return {
    id: prompt.id,
    file,
    problems: [
      ...referenceProblems(prompt, known, lineOf),
      ...shortcutProblems(inShortcutOrder(ordered), lineOf).problems.filter(mine),
      ...twinProblems(ordered, 'prompt', lineOf).filter(mine),
    ],
  }
}

/** Checks a prompt's text as it would be saved in the user folder (see `saveUserPrompt`). */
export function checkUserPrompt(
  library: LayeredLibrary,
  language: Language,
  text: string,
): { problems: LibraryProblem[]; id: string | null; file: string } {
  const folder = join(userPaths(library).prompts, language)
  return checkPromptText(
    library,
    language,
    text,
    (id) =>
      library.prompts.find((p) => p.id === id && p.language === language && p.origin === 'user')
        ?.source ?? join(folder, `${id}.md`),
  )
}

/**
 * Saves a prompt into the user folder as `<id>.md` in its language folder (or over the user file
 * that already defines that id), after checking it; a file with errors is refused and nothing is
 * written. The file it replaces is kept as `<file>.bak`.
 */
export async function saveUserPrompt(
  library: LayeredLibrary,
  language: Language,
  text: string,
): Promise<SaveResult> {
  const checked = checkUserPrompt(library, language, text)
  if (checked.id === null || checked.problems.some(isErrorProblem))
    return { ok: false, problems: checked.problems }
  await backUp(checked.file)
  await writeFileAtomic(checked.file, text)
  return { ok: true, id: checked.id, language, file: checked.file, problems: checked.problems }
}

/** The first of `<id>-copy`, `<id>-copy-2`, … that no prompt uses. */
function freeCopyId(library: LayeredLibrary, id: string): string {
  const taken = new Set(library.prompts.map((p) => p.id))
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${id}-copy` : `${id}-copy-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * Copies a prompt (both languages unless one is named) into the user folder under a new id —
 * `<id>-copy` unless given — with "(copy)" after its title and without its shortcut, which
 * stays with the original.
 */
export async function duplicatePrompt(
  library: LayeredLibrary,
  request: { id: string; language?: Language | undefined; newId?: string | undefined },
): Promise<{ id: string; files: string[] }> {
  const sources = library.prompts.filter(
    (p) =>
      p.id === request.id && (request.language === undefined || p.language === request.language),
  )
  if (sources.length === 0) effective(library, request.id, request.language ?? 'en')
  const newId = request.newId ?? freeCopyId(library, request.id)
  if (library.prompts.some((p) => p.id === newId))
    throw new QuireError(
      'invalid-request',
      `A prompt with the id "${newId}" already exists.`,
      'prompt-id-taken',
      { id: newId },
    )
  const files: string[] = []
  for (const source of sources) {
    const original = await readFile(source.source, 'utf8')
    const text = editFrontMatter(original, {
      set: { id: newId, title: copyTitle[source.language](source.title) },
      remove: ['shortcut'],
    })
    if (text === null)
      throw new QuireError(
        'internal',
        `Could not read the front matter of ${source.source}.`,
        'front-matter-unreadable',
        { file: source.source },
      )
    const saved = await saveUserPrompt(library, source.language, text)
    if (!saved.ok) {
      const first = saved.problems.find(isErrorProblem)
      throw new QuireError(
        'invalid-request',
        `The copy cannot be saved: ${first?.field ? `${first.field}: ` : ''}${first?.message ?? 'invalid'}`,
        'copy-invalid',
        { field: first?.field ?? '', reason: first?.message ?? 'invalid' },
      )
    }
    files.push(saved.file)
  }
  return { id: newId, files }
}

/**
 * Removes the writer's own prompt file; it is kept as `<file>.bak` beside it. What lay beneath
 * (a bundled prompt it overrode) takes its place again.
 */
export async function deleteUserPrompt(
  library: LayeredLibrary,
  id: string,
  language: Language,
): Promise<{ file: string; backup: string }> {
  const prompt = effective(library, id, language)
  if (prompt.origin !== 'user')
    throw new QuireError(
      'invalid-request',
      prompt.origin === 'bundled'
        ? `"${id}" comes with Quire and cannot be deleted; duplicate or edit it instead.`
        : `"${id}" comes from the extra prompt folder (${prompt.source}); Quire does not change that folder.`,
      prompt.origin === 'bundled' ? 'bundled-undeletable' : 'extra-folder-undeletable',
      { id, folder: prompt.source },
    )
  const backup = `${prompt.source}.bak`
  await rename(prompt.source, backup)
  return { file: prompt.source, backup }
}

/** Brings back the bundled (or extra-folder) version of a prompt the writer overrode. */
export async function restorePrompt(
  library: LayeredLibrary,
  id: string,
  language: Language,
): Promise<{ file: string; backup: string }> {
  const prompt = effective(library, id, language)
  if (prompt.origin !== 'user' || !prompt.overrides)
    throw new QuireError(
      'invalid-request',
      prompt.origin === 'user'
        ? `"${id}" is your own prompt with no bundled version to restore; delete it instead.`
        : `"${id}" is already the ${prompt.origin === 'bundled' ? 'bundled' : 'extra-folder'} version.`,
      prompt.origin === 'user'
        ? 'nothing-to-restore'
        : prompt.origin === 'bundled'
          ? 'already-bundled'
          : 'already-extra',
      { id },
    )
  return deleteUserPrompt(library, id, language)
}

const BACKUP = '.bak'

/** The `.bak` a delete left for `id`: `<id>.md.bak` first, else any backup whose front matter names it. */
async function findDeleted(folder: string, id: string): Promise<string | null> {
  const names = await readdir(folder).catch(() => [] as string[])
  const backups = names
    .filter((name) => name.endsWith(`.md${BACKUP}`))
    .sort((a, b) => Number(b === `${id}.md${BACKUP}`) - Number(a === `${id}.md${BACKUP}`))
  for (const name of backups) {
    const text = await readFile(join(folder, name), 'utf8').catch(() => '')
    if (/^id:\s*["']?([a-z0-9.-]+)/m.exec(text)?.[1] === id) return join(folder, name)
  }
  return null
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  )

/**
 * Undoes `deleteUserPrompt` (and `restorePrompt`): the `.bak` it left goes back to its place.
 * Refused, with nothing changed, when the writer has made a new file for that id since.
 */
export async function undeleteUserPrompt(
  library: LayeredLibrary,
  id: string,
  language: Language,
): Promise<{ file: string }> {
  const backup = await findDeleted(join(userPaths(library).prompts, language), id)
  if (!backup)
    throw new QuireError(
      'prompt-not-found',
      `There is no deleted ${language === 'zh' ? 'Chinese' : 'English'} prompt "${id}" to bring back.`,
      'prompt-no-deleted',
      { id },
    )
  const file = backup.slice(0, -BACKUP.length)
  const current = library.prompts.find(
    (p) => p.id === id && p.language === language && p.origin === 'user',
  )
  if (current || (await exists(file)))
    throw new QuireError(
      'invalid-request',
      `"${id}" has a file of yours again (${current?.source ?? file}); the deleted version stays in ${backup}.`,
      'prompt-undelete-taken',
      { id, file: current?.source ?? file, backup },
    )
  await rename(backup, file)
  return { file }
}
