import { z } from 'zod'
import catalogText from '../../../../resources/models.json?raw'

/** What the panel tells a writer about a catalog model beyond its list entry. */
export type CatalogInfo = {
  description: string
  quantization: string
  /** False when the catalog's size is approximate. */
  sizeExact: boolean
  minRamGb: number
  minVramGb: number
}

const catalogSchema = z.object({
  models: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      quantization: z.string(),
      sizeExact: z.boolean(),
      minRamGb: z.number(),
      minVramGb: z.number(),
    }),
  ),
})

/**
 * The same resources/models.json the host reads, bundled at build time: the contract's list
 * has no requirements or descriptions. A catalog this build cannot read just shows less.
 */
const byId: ReadonlyMap<string, CatalogInfo> = (() => {
  try {
    const parsed = catalogSchema.safeParse(JSON.parse(catalogText))
    return new Map(parsed.success ? parsed.data.models.map(({ id, ...info }) => [id, info]) : [])
  } catch {
    return new Map()
  }
})()

export function catalogInfo(id: string): CatalogInfo | null {
  return byId.get(id) ?? null
}
