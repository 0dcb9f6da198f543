import { z } from 'zod'

/**
 * A document's identity: its path relative to the documents folder, `/`-separated
 * (`essays/autumn.md`), or an absolute path for a file the desktop app opened from elsewhere.
 */
export const documentPathSchema = z.string().trim().min(1, 'Name a document.').max(4_096)

/** A short content hash of the bytes on disk; every write names the revision it was based on. */
export const revisionSchema = z.string().min(1).max(128)

/** Markdown with `\n` line endings and no BOM, as it travels over every transport. */
export const documentTextSchema = z.string()

export const documentSummarySchema = z.object({
  path: documentPathSchema,
  title: z.string(),
  words: z.number().int().nonnegative(),
  chars: z.number().int().nonnegative(),
  modifiedMs: z.number().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
  /** A hot-exit backup newer than the file exists (it comes back as `recovered` on open). */
  hasBackup: z.boolean(),
})
export type DocumentSummary = z.infer<typeof documentSummarySchema>

export const documentListingSchema = z.object({
  folder: z.string(),
  /** Newest first. */
  documents: z.array(documentSummarySchema),
})
export type DocumentListing = z.infer<typeof documentListingSchema>

export const recoveredTextSchema = z.object({ text: documentTextSchema, backupMs: z.number() })

export const openedDocumentSchema = z.object({
  path: documentPathSchema,
  title: z.string(),
  text: documentTextSchema,
  revision: revisionSchema,
  /** A hot-exit backup newer than the file: the writer keeps or discards it. */
  recovered: recoveredTextSchema.nullable(),
})
export type OpenedDocument = z.infer<typeof openedDocumentSchema>

export const openDocumentRequestSchema = z.object({ path: documentPathSchema })

export const createDocumentRequestSchema = z.object({
  text: documentTextSchema.optional(),
  /** A subfolder of the documents folder (`/`-separated); the top level when left out. */
  folder: z.string().max(4_096).optional(),
})

export const saveDocumentRequestSchema = z.object({
  path: documentPathSchema,
  text: documentTextSchema,
  baseRevision: revisionSchema,
  /** Write over whatever is on disk (the writer chose "keep mine"). */
  force: z.boolean().optional(),
})

export const saveDocumentResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** Differs from the request's path when an Untitled document was named from its first line. */
    path: documentPathSchema,
    title: z.string(),
    revision: revisionSchema,
  }),
  z.object({
    ok: z.literal(false),
    reason: z.literal('conflict'),
    /** What is on disk now; nothing was written. */
    revision: revisionSchema,
    text: documentTextSchema,
  }),
])
export type SaveDocumentResult = z.infer<typeof saveDocumentResultSchema>

export const backupDocumentRequestSchema = z.object({
  path: documentPathSchema,
  text: documentTextSchema,
  baseRevision: revisionSchema,
})
export const backupDocumentResultSchema = z.object({
  ok: z.literal(true),
  backupMs: z.number(),
})

export const renameDocumentRequestSchema = z.object({
  path: documentPathSchema,
  /** The new file name in the same folder; `.md` is added when it has no `.md`/`.txt` ending. */
  name: z.string().trim().min(1, 'Give the document a name.').max(255),
})

export const trashIdSchema = z.string().min(1).max(200)

export const exportFormatSchema = z.enum(['html', 'docx'])
export type ExportFormat = z.infer<typeof exportFormatSchema>

export const exportDocumentRequestSchema = z.object({
  path: documentPathSchema,
  to: exportFormatSchema,
})
export const exportedDocumentSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
})
export type ExportedDocument = z.infer<typeof exportedDocumentSchema>

export const documentsFolderSchema = z.object({
  folder: z.string(),
  backupsFolder: z.string(),
  /** Where the folder comes from: the Settings field, `--docs`/QUIRE_DOCS_DIR, or the default. */
  source: z.enum(['settings', 'override', 'default']),
})
export type DocumentsFolder = z.infer<typeof documentsFolderSchema>

/** The file changed: a save by any client (`save`) or another program (`disk`). */
export const documentChangedEventSchema = z.object({
  type: z.literal('document-changed'),
  path: documentPathSchema,
  revision: revisionSchema,
  origin: z.enum(['disk', 'save']),
})
/** Deleted or moved behind Quire's back: an open copy stays open and dirty; saving recreates it. */
export const documentRemovedEventSchema = z.object({
  type: z.literal('document-removed'),
  path: documentPathSchema,
})
/** Renamed by Quire (a rename, or an Untitled document named from its first line by a save). */
export const documentRenamedEventSchema = z.object({
  type: z.literal('document-renamed'),
  from: documentPathSchema,
  to: documentPathSchema,
})
/** The list changed (created, renamed, deleted, restored, another folder): fetch it again. */
export const documentsChangedEventSchema = z.object({ type: z.literal('documents-changed') })
