import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket, type RawData } from 'ws'
import { wireCallSchema, wireServerMessageSchema, type QuireEvent } from '@shared/contract'
import { TINY_MODEL_PATH } from '../../fixtures/paths'
import {
  callArbitrary,
  filesAtRelativePaths,
  filesUnder,
  fuzzSeed,
  hostilePaths,
  replyProblem,
  runFuzz,
  type FuzzCall,
  WordPool,
} from '../../support/contractFuzz'
import { startQuireServe, type ServeProcess } from '../../support/quireServe'

/**
 * Long enough for the slowest honest answer (settings that reload the model, on a busy machine),
 * short enough that a call left unanswered fails the run instead of hanging it.
 */
const CALL_TIMEOUT_MS = 30_000
const REPO = join(import.meta.dirname, '../../..')

/** Where the page's socket lives and how it proves the token (query or handshake, as the server wants). */
function socketAddress(serve: ServeProcess): { url: string; protocols: string[] } {
  const page = new URL(serve.url)
  const inQuery = page.searchParams.get('token')
  if (inQuery) return { url: `ws://${page.host}/ws?token=${inQuery}`, protocols: [] }
  const inFragment = new URLSearchParams(page.hash.slice(1)).get('token')
  return { url: `ws://${page.host}/ws`, protocols: ['quire', `quire.token.${inFragment}`] }
}

/** One socket to the server: raw frames out, every message in checked against the wire schema. */
class FuzzSocket {
  private readonly replies = new Map<number, (message: unknown) => void>()
  private closing: Promise<number>
  readonly events: QuireEvent[] = []
  readonly problems: string[] = []

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: RawData) => this.receive(String(data)))
    this.closing = new Promise((resolve) => socket.once('close', (code) => resolve(code)))
  }

  static open(serve: ServeProcess): Promise<FuzzSocket> {
    const { url, protocols } = socketAddress(serve)
    const socket = new WebSocket(url, protocols, {
      origin: new URL(serve.url).origin,
      maxPayload: 256 * 1024 * 1024,
    })
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new FuzzSocket(socket)))
      socket.once('error', reject)
    })
  }

  private receive(text: string): void {
    const parsed = wireServerMessageSchema.safeParse(JSON.parse(text))
    if (!parsed.success) return void this.problems.push(`off-schema message ${text.slice(0, 300)}`)
    const message = parsed.data
    if (message.kind === 'event') return void this.events.push(message.event)
    const waiter = this.replies.get(message.id)
    if (!waiter) return void this.problems.push(`a reply nobody asked for: ${text.slice(0, 200)}`)
    this.replies.delete(message.id)
    waiter(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error })
  }

  /** Sends a call and resolves with its reply, or fails after CALL_TIMEOUT_MS. */
  call(id: number, call: FuzzCall): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${call.method} (id ${id}) got no reply in ${CALL_TIMEOUT_MS} ms`)),
        CALL_TIMEOUT_MS,
      )
      this.replies.set(id, (reply) => {
        clearTimeout(timer)
        resolve(reply)
      })
      this.socket.send(JSON.stringify({ kind: 'call', id, ...call }))
    })
  }

  /** Sends a frame the server must refuse, and resolves with the close code it answers with. */
  refused(frame: string | Buffer, binary: boolean): Promise<number> {
    this.socket.send(frame, { binary })
    return Promise.race([
      this.closing,
      new Promise<number>((_, reject) =>
        setTimeout(() => reject(new Error('a bad frame left the socket open')), CALL_TIMEOUT_MS),
      ),
    ])
  }

  close(): void {
    this.socket.close()
  }
}

/** A frame the server must refuse, and the close codes that say so. */
type BadFrame = { frame: string | Buffer; binary: boolean; expect: readonly number[] }

/**
 * Frames that are not a call: not JSON, JSON of the wrong shape, binary, bad UTF-8. (A frame over
 * the size limit is 64 MiB to send: badFrames.test.ts sends that one.)
 */
const badFrame: fc.Arbitrary<BadFrame> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom('', '{', 'nope', '[1,2', '{"kind":"call"', 'null', '"call"', '1e999'),
      fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
      fc
        .record({
          kind: fc.constantFrom('call', 'result', 'event', 'CALL'),
          id: fc.constantFrom(-1, 1.5, '7', null, 2 ** 64, undefined),
          method: fc.constantFrom('getStatus', 7, null),
          params: fc.jsonValue({ maxDepth: 2 }),
        })
        .map((value) => JSON.stringify(value)),
    )
    .filter((text) => !isCall(text))
    .map((frame) => ({ frame, binary: false, expect: [1003] })),
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .filter((bytes) => !isCall(Buffer.from(bytes).toString()))
    .map((bytes) => ({ frame: Buffer.from(bytes), binary: true, expect: [1003] })),
  fc.constantFrom(
    { frame: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), binary: false, expect: [1007] },
    { frame: Buffer.from([0xc3, 0x28]), binary: false, expect: [1007] },
  ),
)

function isCall(text: string): boolean {
  try {
    return wireCallSchema.safeParse(JSON.parse(text)).success
  } catch {
    return false
  }
}

type Step = { call: FuzzCall } | { bad: BadFrame }

describe('every contract method over WebSocket, fuzzed, against quire serve on the tiny model', () => {
  const sandbox = mkdtempSync(join(tmpdir(), 'quire-ws-fuzz-'))
  const dataDir = join(sandbox, 'data')
  const docsDir = join(sandbox, 'docs')
  const outside = join(sandbox, 'outside')
  const home = join(sandbox, 'home')
  let serve: ServeProcess
  /** Files already at the fuzz's relative paths, as seen from the server's folder (the repository). */
  let before: string[] = []

  beforeAll(async () => {
    for (const folder of [dataDir, docsDir, outside, home]) mkdirSync(folder, { recursive: true })
    before = filesAtRelativePaths(REPO, outside)
    // Downloads go to a closed local port, and the home folder is the sandbox's.
    const saved = { HF_ENDPOINT: process.env.HF_ENDPOINT, HOME: process.env.HOME }
    process.env.HF_ENDPOINT = 'http://127.0.0.1:9/'
    process.env.HOME = home
    try {
      serve = await startQuireServe(['--model', TINY_MODEL_PATH], dataDir, docsDir)
    } finally {
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
    }
  })
  afterAll(async () => {
    await serve?.stop()
    rmSync(sandbox, { recursive: true, force: true })
  })

  it('answers every call with a result or an error, closes the socket on a bad frame, and keeps serving', async () => {
    let socket = await FuzzSocket.open(serve)
    let id = 1
    const sockets = [socket]
    for (let tries = 0; ; tries++) {
      const status = (await socket.call(id++, { method: 'getStatus', params: undefined })) as {
        ok: boolean
        value?: { model: unknown }
      }
      if (status.value?.model) break
      if (tries > 200) throw new Error('the tiny model did not load')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const settings = (await socket.call(id++, { method: 'getSettings', params: undefined })) as {
      value: { engine: unknown; remote: unknown }
    }
    const words = new WordPool()
    for (const method of ['listPrompts', 'listLibrary', 'listModels', 'getDocumentsFolder'])
      words.harvest(await socket.call(id++, { method, params: undefined }))
    const pools = { paths: hostilePaths(outside), hugeChars: 300_000 }
    const step: fc.Arbitrary<Step> = fc.oneof(
      { arbitrary: callArbitrary(pools).map((call) => ({ call })), weight: 14 },
      { arbitrary: badFrame.map((bad) => ({ bad })), weight: 1 },
    )
    const problems: string[] = []
    /** Requests the fuzz started, with the socket that asked (a closed socket's requests just stop). */
    const requests: { socket: FuzzSocket; requestId: string }[] = []
    let calls = 0
    /** One call, checked against the contract; a burst sends several at once, as a page does. */
    const send = async (next: { call: FuzzCall }): Promise<void> => {
      calls++
      const call = { method: next.call.method, params: words.fill(next.call.params) }
      const asking = socket
      const reply = await asking.call(id++, call)
      words.harvest(reply)
      const problem = replyProblem(call, reply)
      if (problem)
        problems.push(`${call.method}(${JSON.stringify(call.params)?.slice(0, 200)}): ${problem}`)
      expect(problem).toBeNull()
      const started = reply as { ok: boolean; value?: { requestId?: string } }
      if (call.method === 'generate' && started.ok && started.value?.requestId)
        requests.push({ socket: asking, requestId: started.value.requestId })
    }
    const property = fc.asyncProperty(
      fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      async (bursts: Step[][]) => {
        for (const burst of bursts) {
          const together = burst.filter((next): next is { call: FuzzCall } => 'call' in next)
          await Promise.all(together.map(send))
          for (const next of burst) {
            if (!('bad' in next)) continue
            calls++
            expect(next.bad.expect).toContain(await socket.refused(next.bad.frame, next.bad.binary))
            socket = await FuzzSocket.open(serve)
            sockets.push(socket)
          }
        }
      },
    )
    await runFuzz(fuzzSeed(), property, 60)
    expect(calls).toBeGreaterThan(150)
    expect(problems).toEqual([])
    expect(sockets.flatMap((each) => each.problems)).toEqual([])

    // Every request the fuzz started on the socket still open ends, with a cancel at the latest.
    const open = requests.filter((request) => request.socket === socket)
    for (const { requestId } of open)
      await socket.call(id++, { method: 'cancel', params: { requestId } })
    const ended = (requestId: string) =>
      socket.events.some(
        (event) =>
          (event.type === 'done' || event.type === 'error') && event.requestId === requestId,
      )
    await expect
      .poll(() => open.filter(({ requestId }) => !ended(requestId)), { timeout: 20_000 })
      .toEqual([])
    // The host is alive and answers real calls correctly: back to the tiny model, a rewrite.
    expect(serve.child.exitCode).toBeNull()
    const fresh = await FuzzSocket.open(serve)
    // The fuzz may have changed the engine's settings: back to those it started with.
    const { engine, remote } = settings.value
    expect(
      await fresh.call(id++, { method: 'updateSettings', params: { engine, remote } }),
    ).toMatchObject({ ok: true })
    const status = (await fresh.call(id++, { method: 'getStatus', params: undefined })) as {
      value: { model: { path: string } | null }
    }
    if (status.value.model?.path !== TINY_MODEL_PATH)
      expect(
        await fresh.call(id++, { method: 'loadModel', params: { path: TINY_MODEL_PATH } }),
      ).toMatchObject({ ok: true, value: { state: 'ready' } })
    const requestId = crypto.randomUUID()
    const call = {
      requestId,
      promptId: 'rewrite.lyrical',
      selection: 'The rain fell on the roof all night.',
      language: 'en',
      seed: 3,
      maxTokens: 16,
    }
    expect(await fresh.call(id++, { method: 'generate', params: call })).toEqual({
      ok: true,
      value: { requestId },
    })
    await expect
      .poll(() => fresh.events.find((e) => e.type === 'done' && e.requestId === requestId), {
        timeout: 20_000,
      })
      .toMatchObject({ type: 'done', stats: { generatedTokens: expect.any(Number) } })
    for (const each of sockets) each.close()
    fresh.close()

    // Nothing was written outside the data and documents folders, nor beside the server.
    expect(filesUnder(sandbox, [dataDir, docsDir])).toEqual([])
    expect(filesAtRelativePaths(REPO, outside)).toEqual(before)
    expect(serve.output.filter((line) => /unhandled|uncaught/i.test(line))).toEqual([])
  }, 90_000)
})
