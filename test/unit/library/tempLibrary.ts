import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The bundled library shipped in resources/. */
export const RESOURCES_DIR = fileURLToPath(new URL('../../../resources', import.meta.url))

/** The malformed user-library fixtures. */
export const BROKEN_LIBRARY_DIR = fileURLToPath(
  new URL('../../fixtures/prompts/user-library', import.meta.url),
)

/** A fresh, empty user-data folder. */
export function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'quire-library-'))
}

/** Writes a file, making its folders. */
export async function put(file: string, text: string): Promise<string> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, text)
  return file
}

/** A small valid prompt file. */
export function promptText(fields: {
  id: string
  title?: string
  kind?: string
  preset?: string
  persona?: string
  shortcut?: string
  style?: string
}): string {
  return [
    '---',
    `id: ${fields.id}`,
    `kind: ${fields.kind ?? 'rewrite'}`,
    `title: ${fields.title ?? 'Test prompt'}`,
    `preset: ${fields.preset ?? 'creative'}`,
    ...(fields.persona ? [`persona: ${fields.persona}`] : []),
    ...(fields.shortcut ? [`shortcut: ${fields.shortcut}`] : []),
    '---',
    '## Role',
    'You are a careful writer.',
    '## Style',
    fields.style ?? 'Rewrite the passage plainly.',
    '## Constraint',
    '- Keep every fact.',
    '## Input',
    '{{selection}}',
    '',
  ].join('\n')
}

/** Waits until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`Nothing changed within ${timeoutMs} ms.`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
