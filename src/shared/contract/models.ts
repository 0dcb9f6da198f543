import { z } from 'zod'

/** What the models feature tells clients: summaries, the list, download progress, the hardware. */
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
  /** Size of a paused download's partial file (blocks arrive out of order, so it may hold gaps). */
  partialBytes: z.number().int().nonnegative().nullable(),
  /** The model's own name (`general.name`), as the engine and votes name it, once the file was checked. */
  name: z.string().nullable().optional(),
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

export const hardwareReportSchema = z.object({
  platform: z.string(),
  nodeLlamaCpp: z.string(),
  /** The backend node-llama-cpp picks on its own: a GPU API or the CPU. */
  backend: z.string(),
  gpuDevices: z.array(z.string()),
  vram: z.object({ totalBytes: z.number(), freeBytes: z.number() }).nullable(),
  ram: z.object({ totalBytes: z.number(), freeBytes: z.number() }),
  cpuMathCores: z.number(),
  gpuBuilds: z.object({ shipped: z.array(z.string()), driverFound: z.array(z.string()) }),
  /** Why the CPU is used, in plain words; null when a GPU is. */
  gpuNote: z.string().nullable(),
})
export type HardwareReport = z.infer<typeof hardwareReportSchema>
