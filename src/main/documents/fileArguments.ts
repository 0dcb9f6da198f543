import { basename } from 'node:path'
import { isDocumentFile } from '@shared/documents'

/** Document files named on a command line ("Open with Quire" on Windows and Linux). */
export function documentArguments(argv: readonly string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && isDocumentFile(basename(arg)))
}
