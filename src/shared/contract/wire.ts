import { z } from 'zod'
import { fastDeltaEvent, isJsonObject } from './deltaFastPath'
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

/**
 * Parses a message from the server as `wireServerMessageSchema` does, streamed text by hand (see
 * deltaFastPath.ts): the same messages pass, with the same result; the rest, and every malformed
 * message, through zod.
 */
export function parseServerMessage(
  raw: unknown,
): ReturnType<typeof wireServerMessageSchema.safeParse> {
  if (isJsonObject(raw) && raw.kind === 'event') {
    const event = fastDeltaEvent(raw.event)
    if (event) return { success: true, data: { kind: 'event', event } }
  }
  return wireServerMessageSchema.safeParse(raw)
}
