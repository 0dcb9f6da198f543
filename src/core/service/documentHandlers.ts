import { basename, extname } from 'node:path'
import type { ContractHandlers } from '@shared/contract'
import type { documentMethods } from '@shared/contract/documentMethods'
import { titleFromText } from '@shared/documents'
import type { Documents } from '../documents/documents'
import { notFound } from '../documents/documentStore'
import { exportMarkdown } from '../documents/export/exportDocument'

type DocumentHandlers = Pick<ContractHandlers, keyof typeof documentMethods>

/** The documents methods of the contract, served by the host's DocumentStore. */
export function createDocumentHandlers(documents: Documents): DocumentHandlers {
  const store = documents.store
  // Every call waits until the folder exists and is watched (the first one creates it).
  const ready =
    <I, O>(handler: (input: I) => Promise<O>) =>
    async (input: I): Promise<O> => {
      await documents.ready()
      return handler(input)
    }
  return {
    listDocuments: ready(() => store.list()),
    openDocument: ready(({ path }) => store.open(path)),
    createDocument: ready(({ text, folder }) => store.create(text, folder)),
    saveDocument: ready((input) => store.save(input)),
    backupDocument: ready(async (input) => ({ ok: true, backupMs: await store.backup(input) })),
    discardBackup: ready(async ({ path }) => {
      await store.discardBackup(path)
      return { ok: true }
    }),
    renameDocument: ready(({ path, name }) => store.rename(path, name)),
    deleteDocument: ready(async ({ path }) => ({ trashId: await store.delete(path) })),
    restoreDocument: ready(({ trashId }) => store.restore(trashId)),
    exportDocument: ready(async ({ path, to }) => {
      const ref = store.resolve(path)
      const disk = await store.read(ref.file)
      if (!disk) throw notFound(ref.path)
      const stem = basename(ref.file, extname(ref.file))
      const file = await exportMarkdown(disk.text, {
        title: titleFromText(disk.text) || stem,
        stem,
        to,
      })
      return {
        fileName: file.fileName,
        mimeType: file.mimeType,
        base64: file.bytes.toString('base64'),
      }
    }),
    getDocumentsFolder: async () => store.describeFolder(),
  }
}
