import { z } from 'zod'

/**
 * Child processes the engine asks its host to start. In an Electron utility process,
 * `child_process.fork` runs the Electron binary with ELECTRON_RUN_AS_NODE, which the packaged
 * app's RunAsNode fuse ignores (the child would start a second Quire), and `utilityProcess` is
 * for the main process only. node-llama-cpp forks such a child to test a llama.cpp binary before
 * it loads it (`testBindingBinary`), so the engine relays its forks to the main process, which
 * starts them as utility processes.
 */

/** Engine → host. */
export const relayRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('relay-fork'),
    id: z.number().int(),
    modulePath: z.string(),
    args: z.array(z.string()),
    env: z.record(z.string(), z.string()),
  }),
  z.object({ type: z.literal('relay-send'), id: z.number().int(), message: z.unknown() }),
  z.object({ type: z.literal('relay-kill'), id: z.number().int() }),
])
export type RelayRequest = z.infer<typeof relayRequestSchema>

/** Host → engine. */
export const relayEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('relay-message'), id: z.number().int(), message: z.unknown() }),
  z.object({ type: z.literal('relay-exit'), id: z.number().int(), code: z.number().int() }),
])
export type RelayEvent = z.infer<typeof relayEventSchema>

/** Whether a message between engine and host belongs to the relay (not the engine protocol). */
export function isRelayMessage(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type
  return typeof type === 'string' && type.startsWith('relay-')
}
