import { z } from 'zod'
import { flavourOf, type ServerFlavour } from './chatRequestBody'

const modelListSchema = z.object({
  data: z.array(z.object({ id: z.string(), owned_by: z.string().nullish() })),
})

/** What a server offers: its model ids, in its order, and which server it is. */
export type ServerOffer = { models: string[]; flavour: ServerFlavour }

/** Reads a `GET /v1/models` body; null when it is not an OpenAI-style model list. */
export function readModelList(body: unknown): ServerOffer | null {
  const parsed = modelListSchema.safeParse(body)
  if (!parsed.success) return null
  const models = parsed.data.data
  return {
    models: models.map((model) => model.id),
    flavour: flavourOf(models.flatMap((model) => (model.owned_by ? [model.owned_by] : []))),
  }
}
