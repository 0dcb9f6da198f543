import { z } from 'zod'

/**
 * The shapes the models feature hands to clients. They belong in the contract
 * (src/shared/contract/schemas.ts) once the models methods are wired; until then they live here.
 */
export const modelSummarySchema = z.object({
  path: z.string(),
  fileName: z.string(),
  /** `general.name`, or the file name when the file has none. */
  name: z.string(),
  architecture: z.string(),
  /** "Qwen", "Llama", … */
  family: z.string(),
  /** Counted from the tensors. */
  parameterCount: z.number().int().nonnegative(),
  /** `general.size_label` ("4B") when the file has one. */
  sizeLabel: z.string().nullable(),
  /** "Q4_K_M", "F16", … */
  quantization: z.string().nullable(),
  contextLength: z.number().int().positive(),
  layers: z.number().int().positive(),
  vocabularySize: z.number().int().positive(),
  sizeBytes: z.number().int().nonnegative(),
})
export type ModelSummary = z.infer<typeof modelSummarySchema>

export const modelStatusSchema = z.enum(['installed', 'partial', 'available', 'missing'])
export type ModelStatus = z.infer<typeof modelStatusSchema>

/** One line of `quire models list`: a catalog model or an imported file. */
export const modelListEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.enum(['catalog', 'imported', 'downloaded']),
  status: modelStatusSchema,
  isDefault: z.boolean(),
  path: z.string().nullable(),
  /** The catalog's size for models not yet downloaded, the file's size otherwise. */
  sizeBytes: z.number().int().nonnegative().nullable(),
  /** Bytes already on disk for a paused download. */
  partialBytes: z.number().int().nonnegative().nullable(),
})
export type ModelListEntry = z.infer<typeof modelListEntrySchema>

export const downloadPhaseSchema = z.enum(['connecting', 'downloading', 'verifying'])

/** Progress of a model download, sent a few times a second. */
export const downloadProgressSchema = z.object({
  phase: downloadPhaseSchema,
  downloadedBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative().nullable(),
  bytesPerSecond: z.number().nonnegative(),
  /** Null until the speed is known. */
  etaSeconds: z.number().nonnegative().nullable(),
})
export type DownloadProgress = z.infer<typeof downloadProgressSchema>
