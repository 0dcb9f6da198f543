import { QuireError, type ContractHandlers } from '@shared/contract'
import type { documentMethods } from '@shared/contract/documentMethods'

type DocumentHandlers = Pick<ContractHandlers, keyof typeof documentMethods>

/** Temporary: the contract compiles while the DocumentStore is written (replaced next commit). */
export function createDocumentHandlers(): DocumentHandlers {
  const pending = async (): Promise<never> => {
    throw new QuireError('internal', 'Documents are not wired up yet.')
  }
  return {
    listDocuments: pending,
    openDocument: pending,
    createDocument: pending,
    saveDocument: pending,
    backupDocument: pending,
    discardBackup: pending,
    renameDocument: pending,
    deleteDocument: pending,
    restoreDocument: pending,
    exportDocument: pending,
    getDocumentsFolder: pending,
  }
}
