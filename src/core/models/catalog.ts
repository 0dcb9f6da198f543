import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { QuireError } from '@shared/contract'

export const catalogEntrySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, dots and dashes'),
  title: z.string().min(1),
  description: z.string().min(1),
  /** An https URL or a node-llama-cpp `hf:user/repo/file.gguf[#revision]` URI. */
  uri: z
    .string()
    .regex(
      /^(hf:[^/\s]+\/[^/\s]+\/\S+\.gguf(#\S+)?|https:\/\/\S+)$/,
      'an hf: file URI or an https URL',
    ),
  fileName: z.string().regex(/^[A-Za-z0-9._-]+\.gguf$/, 'a plain .gguf file name'),
  quantization: z.string().min(1),
  sizeBytes: z.number().int().positive(),
  /** True: the download must have exactly `sizeBytes`. False: `sizeBytes` is approximate. */
  sizeExact: z.boolean(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits')
    .nullable(),
  minRamGb: z.number().positive(),
  minVramGb: z.number().nonnegative(),
  default: z.boolean(),
  /** Where the size and hash come from, and what is still to confirm. */
  notes: z.string().optional(),
})
export type CatalogEntry = z.infer<typeof catalogEntrySchema>

export const catalogSchema = z
  .strictObject({
    version: z.literal(1),
    about: z.string().optional(),
    models: z.array(catalogEntrySchema).min(1),
  })
  .superRefine((catalog, ctx) => {
    const defaults = catalog.models.filter((model) => model.default)
    if (defaults.length !== 1)
      ctx.addIssue({
        code: 'custom',
        message: `exactly one model must be the default, not ${defaults.length}`,
      })
    for (const field of ['id', 'fileName'] as const) {
      const values = catalog.models.map((model) => model[field])
      const repeated = values.find((value, index) => values.indexOf(value) !== index)
      if (repeated)
        ctx.addIssue({ code: 'custom', message: `${field} "${repeated}" is used twice` })
    }
    for (const model of catalog.models)
      if (model.sha256 && !model.sizeExact)
        ctx.addIssue({
          code: 'custom',
          message: `${model.id}: a pinned sha256 needs an exact size`,
        })
  })
export type Catalog = z.infer<typeof catalogSchema>

/** How far an approximate catalog size may be from the real file. */
export const APPROXIMATE_SIZE_TOLERANCE = 0.1

/** Whether a file of `bytes` matches what the catalog says about the model's size. */
export function sizeMatches(entry: CatalogEntry, bytes: number): boolean {
  if (entry.sizeExact) return bytes === entry.sizeBytes
  return Math.abs(bytes - entry.sizeBytes) <= entry.sizeBytes * APPROXIMATE_SIZE_TOLERANCE
}

/** Validates a parsed models.json, or explains the first thing wrong with it. */
export function parseCatalog(data: unknown, source = 'models.json'): Catalog {
  const parsed = catalogSchema.safeParse(data)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
  throw new QuireError(
    'internal',
    `${source} is invalid${where}: ${issue?.message ?? 'unknown problem'}`,
    'catalog-invalid',
    { file: source, where, reason: issue?.message ?? 'unknown problem' },
  )
}

/** Reads the bundled catalog, resources/models.json. */
export async function loadCatalog(resourcesDir: string): Promise<Catalog> {
  const file = join(resourcesDir, 'models.json')
  let data: unknown
  try {
    data = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new QuireError(
      'internal',
      `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
      'catalog-unreadable',
      { file, reason: error instanceof Error ? error.message : String(error) },
    )
  }
  return parseCatalog(data, file)
}

/** The model Quire offers first. */
export function defaultCatalogEntry(catalog: Catalog): CatalogEntry {
  const entry = catalog.models.find((model) => model.default) ?? catalog.models[0]
  if (!entry) throw new QuireError('internal', 'The model catalog is empty.', 'catalog-empty')
  return entry
}
