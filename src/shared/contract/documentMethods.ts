import { z } from 'zod'
import {
  backupDocumentRequestSchema,
  backupDocumentResultSchema,
  createDocumentRequestSchema,
  documentListingSchema,
  documentPathSchema,
  documentsFolderSchema,
  documentSummarySchema,
  exportDocumentRequestSchema,
  exportedDocumentSchema,
  openDocumentRequestSchema,
  openedDocumentSchema,
  renameDocumentRequestSchema,
  saveDocumentRequestSchema,
  saveDocumentResultSchema,
  trashIdSchema,
} from '../documents/schemas'

/** The documents part of the contract: the writer's files, owned by the host. */
export const documentMethods = {
  /** Every `.md`/`.txt` in the documents folder, newest first. */
  listDocuments: { input: z.undefined(), output: documentListingSchema },
  /** Reads a document; never writes anything. */
  openDocument: { input: openDocumentRequestSchema, output: openedDocumentSchema },
  /** Makes "Untitled.md" (or "Untitled 2.md", …) on disk at once. */
  createDocument: { input: createDocumentRequestSchema, output: openedDocumentSchema },
  /** Writes atomically if the file is still at `baseRevision` (or `force`); else a conflict. */
  saveDocument: { input: saveDocumentRequestSchema, output: saveDocumentResultSchema },
  /** Hot exit: keeps the unsaved text in the data folder's backups. */
  backupDocument: { input: backupDocumentRequestSchema, output: backupDocumentResultSchema },
  discardBackup: {
    input: z.object({ path: documentPathSchema }),
    output: z.object({ ok: z.literal(true) }),
  },
  renameDocument: { input: renameDocumentRequestSchema, output: documentSummarySchema },
  /** Moves the file to the trash; `restoreDocument` undoes it. */
  deleteDocument: {
    input: z.object({ path: documentPathSchema }),
    output: z.object({ trashId: trashIdSchema }),
  },
  restoreDocument: { input: z.object({ trashId: trashIdSchema }), output: documentSummarySchema },
  exportDocument: { input: exportDocumentRequestSchema, output: exportedDocumentSchema },
  getDocumentsFolder: { input: z.undefined(), output: documentsFolderSchema },
} as const
