import { describe, expect, it } from 'vitest'
import {
  contractMethods,
  dispatchCall,
  generateRequestSchema,
  methodNames,
  QuireError,
  quireEventSchema,
  toErrorPayload,
  type ContractHandlers,
} from '@shared/contract'
import { settingsSchema } from '@shared/settings/schema'

const status = {
  state: 'idle',
  model: null,
  loadingPath: null,
  notice: null,
  loadProgress: null,
} as const

function handlers(overrides: Partial<ContractHandlers> = {}): ContractHandlers {
  const unused = async () => {
    throw new Error('not used in these tests')
  }
  const all = Object.fromEntries(
    Object.keys(contractMethods).map((name) => [name, unused]),
  ) as unknown as ContractHandlers
  return {
    ...all,
    getStatus: async () => status,
    generate: async () => ({ requestId: 'r1' }),
    cancel: async () => ({ cancelled: true }),
    getSettings: async () => settingsSchema.parse({}),
    ...overrides,
  }
}

describe('the contract', () => {
  it('lists the same methods in the zod-free name list as in the schemas', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(contractMethods).sort())
  })

  it('fills defaults in a generate request and rejects an empty selection', () => {
    const parsed = generateRequestSchema.parse({ promptId: 'rewrite.lyrical', selection: 'Hello' })
    expect(parsed).toMatchObject({ language: 'auto', before: '', after: '', variables: {} })
    const empty = generateRequestSchema.safeParse({ promptId: 'rewrite.lyrical', selection: '   ' })
    expect(empty.success).toBe(false)
  })

  it('validates every request before a handler sees it', async () => {
    let called = false
    const service = handlers({ generate: async () => ((called = true), { requestId: 'x' }) })
    await expect(
      dispatchCall(service, 'generate', { promptId: 'p', selection: 42 }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('selection'),
    })
    await expect(
      dispatchCall(service, 'generate', { promptId: 'p', selection: 'x', seed: -1 }),
    ).rejects.toMatchObject({ code: 'invalid-request' })
    expect(called).toBe(false)
  })

  it('takes generate only with a client-minted UUID as its request id', async () => {
    const seen: string[] = []
    const service = handlers({
      generate: async (request) => (seen.push(request.requestId), { requestId: request.requestId }),
    })
    const request = { promptId: 'p', selection: 'x' }
    await expect(dispatchCall(service, 'generate', request)).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('requestId'),
    })
    await expect(
      dispatchCall(service, 'generate', { ...request, requestId: 'r1' }),
    ).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringContaining('UUID') })
    const requestId = crypto.randomUUID()
    await expect(dispatchCall(service, 'generate', { ...request, requestId })).resolves.toEqual({
      requestId,
    })
    expect(seen).toEqual([requestId])
  })

  it('describes what was sent in a started event, and how far a load has come in the status', () => {
    const started = {
      type: 'started',
      requestId: 'r',
      attempt: 1,
      messages: [
        { role: 'system', content: 'You write warmly.' },
        { role: 'user', content: 'Rewrite: rain' },
      ],
      sampling: { temperature: 0.8, topP: 0.9, topK: 40, repeatPenalty: 1.1, maxTokens: 64 },
      maxTokens: 64,
      seed: null,
      model: 'tiny',
      trimmedBefore: false,
    }
    expect(quireEventSchema.parse(started)).toMatchObject({ sampling: { minP: 0, dryStrength: 0 } })
    expect(
      quireEventSchema.safeParse({ ...started, messages: [{ role: 'assistant', content: 'x' }] })
        .success,
    ).toBe(false)
    expect(
      quireEventSchema.safeParse({ type: 'waiting', requestId: 'r', reason: 'model-loading' })
        .success,
    ).toBe(true)
    const loading = { type: 'status', status: { ...status, state: 'loading', loadProgress: 0.4 } }
    expect(quireEventSchema.safeParse(loading).success).toBe(true)
    const tooFar = { type: 'status', status: { ...status, loadProgress: 1.5 } }
    expect(quireEventSchema.safeParse(tooFar).success).toBe(false)
  })

  it('rejects unknown methods, including inherited object keys', async () => {
    await expect(dispatchCall(handlers(), 'dispose', undefined)).rejects.toMatchObject({
      code: 'invalid-request',
    })
    await expect(dispatchCall(handlers(), 'toString', undefined)).rejects.toMatchObject({
      code: 'invalid-request',
    })
  })

  it('passes a valid request through to its handler', async () => {
    await expect(dispatchCall(handlers(), 'cancel', { requestId: 'r1' })).resolves.toEqual({
      cancelled: true,
    })
  })

  it('keeps a QuireError code across a boundary and wraps anything else as internal', () => {
    expect(toErrorPayload(new QuireError('no-model', 'Load a model.'))).toEqual({
      code: 'no-model',
      message: 'Load a model.',
    })
    expect(toErrorPayload(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' })
    expect(toErrorPayload({ code: 'engine-stopped', message: 'gone' })).toEqual({
      code: 'engine-stopped',
      message: 'gone',
    })
  })

  it('accepts small deltas and rejects malformed events', () => {
    expect(
      quireEventSchema.safeParse({ type: 'delta', requestId: 'r', seq: 0, text: '风', tokens: 1 })
        .success,
    ).toBe(true)
    expect(
      quireEventSchema.safeParse({ type: 'delta', requestId: 'r', seq: 0, text: '风' }).success,
    ).toBe(false)
    expect(
      quireEventSchema.safeParse({ type: 'delta', requestId: 'r', seq: -1, text: 'x' }).success,
    ).toBe(false)
    expect(quireEventSchema.safeParse({ type: 'done', requestId: 'r', text: 'x' }).success).toBe(
      false,
    )
  })
})
