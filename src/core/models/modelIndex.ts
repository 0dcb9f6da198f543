import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../settings/atomicWrite'
import { modelSummarySchema } from './schemas'

export const indexedModelSchema = z.object({
  id: z.string().min(1),
  /** Absolute path: inside the models folder for downloads, anywhere for imported files. */
  path: z.string().min(1),
  /** catalog: downloaded from the catalog; downloaded: from a URL; imported: the writer's own file, referenced where it is. */
  source: z.enum(['catalog', 'downloaded', 'imported']),
  /** The link a downloaded model came from: pulling it again finds it installed. */
  uri: z.string().optional(),
  addedAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().nullable(),
  summary: modelSummarySchema,
})
export type IndexedModel = z.infer<typeof indexedModelSchema>

const indexSchema = z.object({ version: z.literal(1), models: z.array(indexedModelSchema) })
export type ModelIndex = z.infer<typeof indexSchema>

/** The index of installed models, `index.json` in the models folder. */
export const indexPath = (dir: string) => join(dir, 'index.json')

/** Reads the index; a missing one is empty, an unreadable one is set aside (never overwritten). */
export async function readModelIndex(dir: string): Promise<ModelIndex> {
  let text: string
  try {
    text = await readFile(indexPath(dir), 'utf8')
  } catch {
    return { version: 1, models: [] }
  }
  try {
    const parsed = indexSchema.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data
  } catch {
    // fall through: set the broken file aside
  }
  await rename(indexPath(dir), `${indexPath(dir)}.broken-${Date.now()}`).catch(() => {})
  return { version: 1, models: [] }
}

const queues = new Map<string, Promise<unknown>>()

/** Reads, changes and atomically rewrites the index; changes in one process never interleave. */
export function updateModelIndex<T>(dir: string, change: (index: ModelIndex) => T): Promise<T> {
  const previous = queues.get(dir) ?? Promise.resolve()
  const next = previous
    .catch(() => {})
    .then(async () => {
      const index = await readModelIndex(dir)
      const result = change(index)
      await writeFileAtomic(indexPath(dir), `${JSON.stringify(index, null, 2)}\n`)
      return result
    })
  queues.set(dir, next)
  return next
}
