import { z } from 'zod'
import { errorPayloadSchema } from './errors'
import { quireEventSchema } from './schemas'

/** Messages of the WebSocket transport: calls go up, results and events come down. */
export const wireCallSchema = z.object({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string(),
  params: z.unknown().optional(),
})
export type WireCall = z.infer<typeof wireCallSchema>

export const wireServerMessageSchema = z.union([
  z.object({
    kind: z.literal('result'),
    id: z.number().int(),
    ok: z.literal(true),
    value: z.unknown(),
  }),
  z.object({
    kind: z.literal('result'),
    id: z.number().int(),
    ok: z.literal(false),
    error: errorPayloadSchema,
  }),
  z.object({ kind: z.literal('event'), event: quireEventSchema }),
])
export type WireServerMessage = z.infer<typeof wireServerMessageSchema>
