import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseServerMessage, quireEventSchema, wireServerMessageSchema } from '@shared/contract'
import { parseQuireEvent } from '@shared/contract/deltaFastPath'
import { engineToHostSchema, parseEngineMessage } from '@core/engine/protocol'

// The fast paths must accept exactly what zod accepts, return what zod returns, and leave every
// refusal to zod (the same error). Messages arrive as JSON, so the inputs are JSON values: real
// deltas, deltas with one field wrong, and anything else.
const edge = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ...[-1, -0, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1.5, 1e300, '', 'x'.repeat(100)],
      ...['x'.repeat(101), null, true, [], {}, '1', 'delta', 'event'],
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue() },
)

/** A good message, or one with a single field changed, removed or added. */
function mutated<T extends Record<string, unknown>>(
  good: fc.Arbitrary<T>,
  keys: readonly string[],
) {
  return fc
    .tuple(good, fc.constantFrom(...keys, 'stray'), edge, fc.nat(3))
    .map(([message, key, value, how]) => {
      if (how === 0) return message
      if (how === 1) {
        const { [key]: _dropped, ...rest } = message
        return rest
      }
      return { ...message, [key]: value }
    })
}

const eventDelta = mutated(
  fc.record({
    type: fc.constant('delta'),
    requestId: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 100 })),
    seq: fc.nat(),
    text: fc.string(),
    tokens: fc.nat(),
  }),
  ['type', 'requestId', 'seq', 'text', 'tokens'],
)
const wireMessage = fc.oneof(
  { weight: 6, arbitrary: eventDelta.map((event) => ({ kind: 'event', event })) },
  {
    weight: 1,
    arbitrary: mutated(fc.record({ kind: fc.constant('event'), event: eventDelta }), ['kind']),
  },
  { weight: 1, arbitrary: fc.jsonValue() },
)

const engineDelta = mutated(
  fc.record({
    type: fc.constant('delta'),
    runId: fc.string(),
    text: fc.string(),
    tokens: fc.integer(),
  }),
  ['type', 'runId', 'text', 'tokens'],
)

/** What a caller can see of a parse: the verdict, the data, or zod's issues. */
const outcome = (result: { success: boolean; data?: unknown; error?: { issues: unknown } }) =>
  result.success ? { data: result.data } : { issues: result.error?.issues }

describe('the hand-checked delta path', () => {
  it('parses a WebSocket message exactly as the wire schema does', () => {
    fc.assert(
      fc.property(wireMessage, (raw) => {
        expect(outcome(parseServerMessage(raw))).toEqual(
          outcome(wireServerMessageSchema.safeParse(raw)),
        )
        // The client checks the event again on its own (every transport's proxy does).
        if (typeof raw === 'object' && raw !== null && 'event' in raw)
          expect(outcome(parseQuireEvent(raw.event))).toEqual(
            outcome(quireEventSchema.safeParse(raw.event)),
          )
      }),
      { numRuns: 1000 },
    )
  })

  it('parses an engine message exactly as the engine protocol schema does', () => {
    fc.assert(
      fc.property(fc.oneof(engineDelta, fc.jsonValue()), (raw) => {
        expect(outcome(parseEngineMessage(raw))).toEqual(outcome(engineToHostSchema.safeParse(raw)))
      }),
      { numRuns: 1000 },
    )
  })

  it('refuses a malformed delta with the schema’s error, and passes a good one without extras', () => {
    const good = { type: 'delta', requestId: 'r1', seq: 0, text: 'Hi', tokens: 1 }
    expect(parseServerMessage({ kind: 'event', event: { ...good, stray: true } })).toEqual({
      success: true,
      data: { kind: 'event', event: good },
    })
    for (const bad of [
      { ...good, seq: -1 },
      { ...good, tokens: 1.5 },
      { ...good, text: 3 },
      { ...good, requestId: '' },
      { ...good, requestId: 'x'.repeat(101) },
    ]) {
      const fast = parseServerMessage({ kind: 'event', event: bad })
      const zod = wireServerMessageSchema.safeParse({ kind: 'event', event: bad })
      expect(fast.success).toBe(false)
      expect(fast.error?.message).toBe(zod.error?.message)
    }
    const engineBad = { type: 'delta', runId: 'a#1', text: 'Hi', tokens: 2 ** 53 }
    expect(parseEngineMessage(engineBad).success).toBe(false)
    expect(parseEngineMessage(engineBad).error?.message).toBe(
      engineToHostSchema.safeParse(engineBad).error?.message,
    )
  })
})
