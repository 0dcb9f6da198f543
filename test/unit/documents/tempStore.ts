import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { QuireEvent } from '@shared/contract'
import { DocumentStore } from '@core/documents/documentStore'

/** A DocumentStore on fresh temp folders, recording the events it sends. */
export async function tempStore(
  options: { removeFile?: (file: string) => Promise<void> } = {},
): Promise<{ store: DocumentStore; folder: string; dataDir: string; events: QuireEvent[] }> {
  const root = await mkdtemp(join(tmpdir(), 'quire-docs-'))
  const folder = join(root, 'Documents')
  const dataDir = join(root, 'data')
  const events: QuireEvent[] = []
  const store = new DocumentStore({
    folder,
    source: 'override',
    dataDir,
    emit: (event) => void events.push(event),
    ...options,
  })
  await store.setFolder(folder, 'override')
  events.length = 0
  return { store, folder, dataDir, events }
}
