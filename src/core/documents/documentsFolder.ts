import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import type { DocumentsFolder } from '@shared/documents'

/** Expands a leading `~` to the writer's home folder. */
export function expandHome(path: string): string {
  if (path === '~') return homedir()
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(homedir(), path.slice(2))
  return path
}

/** `~/Documents/Quire`: where documents live when nothing else is chosen. */
export function defaultDocumentsFolder(): string {
  return join(homedir(), 'Documents', 'Quire')
}

/**
 * The documents folder in effect: `--docs DIR` or QUIRE_DOCS_DIR (the override), else the
 * Settings field, else the default (Electron passes its own default from app.getPath).
 */
export function pickDocumentsFolder(choice: {
  override?: string | undefined
  setting: string
  fallback?: string | undefined
}): { folder: string; source: DocumentsFolder['source'] } {
  if (choice.override) return { folder: resolve(expandHome(choice.override)), source: 'override' }
  const setting = choice.setting.trim()
  if (setting !== '' && (isAbsolute(expandHome(setting)) || setting.startsWith('~')))
    return { folder: resolve(expandHome(setting)), source: 'settings' }
  return { folder: resolve(choice.fallback ?? defaultDocumentsFolder()), source: 'default' }
}
