import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  IPC_EVENT_CHANNEL,
  ipcChannel,
  quireEventSchema,
  type QuireService,
} from '@shared/contract'
import { OPEN_DROPPED_FILE_CHANNEL, PICK_MODEL_CHANNEL } from '@shared/contract/hostChannels'
import type { EngineChannel, EngineLauncher, HostToEngine } from '@core/engine/protocol'
import { EnvSecretStore } from '@core/secrets/envSecretStore'
import { createQuireService, type RunningQuireService } from '@core/service/createQuireService'
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
import { RESOURCES_DIR } from '../../support/engineLauncher'

type Handler = (event: unknown, params?: unknown) => Promise<unknown>
/** ipcMain as registerIpc sees it: the handlers it registers, callable with a made-up sender. */
const handlers = new Map<string, Handler>()
const dialogs: unknown[] = []
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
    on: () => undefined,
    removeListener: () => undefined,
  },
  BrowserWindow: { getAllWindows: () => [], fromWebContents: () => null },
  dialog: {
    showOpenDialog: (...args: unknown[]) => {
      dialogs.push(args)
      return Promise.resolve({ canceled: true, filePaths: [] })
    },
  },
}))

const { registerIpc } = await import('../../../src/main/ipc/registerIpc')
const { isAppUrl } = await import('../../../src/main/window/appUrl')

const APP_URL = 'quire://app/index.html'
const UNTRUSTED = [
  'data:text/html,<script>quire.getSettings()</script>',
  'file:///tmp/evil.html',
  'about:blank',
  'quire://other-host/index.html',
  'quire://app.evil/index.html',
  'https://example.com/',
  'http://localhost:5173/',
  'blob:quire://app/0b4a',
  '',
]
/** Long enough for the slowest honest answer (a hardware probe on a busy machine); no hang passes. */
const CALL_TIMEOUT_MS = 30_000

/** An engine process that starts at once and loads and runs nothing (the IPC layer is under test). */
const idleEngine: EngineLauncher = (): EngineChannel => {
  const listeners: ((message: unknown) => void)[] = []
  const post = (message: unknown) => setTimeout(() => listeners.forEach((l) => l(message)), 0)
  post({ type: 'ready', pid: 1 })
  return {
    send: (message: HostToEngine) => {
      if (message.type === 'load')
        post({
          type: 'load-failed',
          callId: message.callId,
          code: 'model-load-failed',
          message: 'No model in this test.',
        })
      if (message.type === 'generate')
        post({
          type: 'failed',
          runId: message.runId,
          code: 'generation-failed',
          message: 'No model in this test.',
        })
    },
    onMessage: (listener) => void listeners.push(listener),
    onExit: () => undefined,
    kill: () => undefined,
  }
}

/** A window's webContents as registerIpc uses it: an id, lifecycle listeners, a send. */
function contents(id: number, events: unknown[]) {
  return {
    id,
    once: () => undefined,
    on: () => undefined,
    isDestroyed: () => false,
    send: (channel: string, event: unknown) => {
      if (channel === IPC_EVENT_CHANNEL) events.push(event)
    },
  }
}

const withTimeout = <T>(promise: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what} did not answer in ${CALL_TIMEOUT_MS} ms`)),
        CALL_TIMEOUT_MS,
      ),
    ),
  ])

describe('every contract method over IPC, fuzzed', () => {
  const sandbox = mkdtempSync(join(tmpdir(), 'quire-ipc-fuzz-'))
  const dataDir = join(sandbox, 'data')
  const docsDir = join(sandbox, 'docs')
  const outside = join(sandbox, 'outside')
  let service: RunningQuireService
  let connections = 0
  const events: unknown[] = []
  const trusted = contents(1, events)
  const strangerEvents: unknown[] = []
  const stranger = contents(2, strangerEvents)
  const dropped: unknown[] = []

  /** Files already at the fuzz's relative paths, as the service (in this process) resolves them. */
  let before: string[] = []

  beforeAll(async () => {
    mkdirSync(outside, { recursive: true })
    before = filesAtRelativePaths(process.cwd(), outside)
    service = await createQuireService({
      resourcesDir: RESOURCES_DIR,
      dataDir,
      documentsFolder: docsDir,
      secrets: new EnvSecretStore(),
      rememberModel: false,
      launchEngine: idleEngine,
    })
    const counted: QuireService = {
      connect: (listener) => {
        connections++
        return service.connect(listener)
      },
    }
    registerIpc(counted, (url) => isAppUrl(url, APP_URL), {
      allowDroppedFile: (path) => {
        dropped.push(path)
        return Promise.resolve(null)
      },
      openPathReady: () => undefined,
    })
  })
  afterAll(async () => {
    await service?.dispose()
    rmSync(sandbox, { recursive: true, force: true })
  })

  const invoke = (channel: string, url: string | null, params: unknown, sender = trusted) => {
    const handler = handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    return withTimeout(
      handler({ senderFrame: url === null ? null : { url }, sender }, params),
      `${channel} from ${url}`,
    )
  }

  it('answers each call from the app’s page with a result or an error value, refuses every other page, and keeps serving', async () => {
    const words = new WordPool()
    for (const method of ['listPrompts', 'listLibrary', 'listModels', 'getDocumentsFolder'])
      words.harvest(await invoke(ipcChannel(method), APP_URL, undefined))
    const pools = { paths: hostilePaths(outside), hugeChars: 300_000 }
    const senders = fc.oneof(
      { arbitrary: fc.constant(APP_URL), weight: 6 },
      fc.constantFrom(...UNTRUSTED, null),
      fc.webUrl(),
    )
    const channels = fc.constantFrom(PICK_MODEL_CHANNEL, OPEN_DROPPED_FILE_CHANNEL)
    const step = fc.oneof(
      { arbitrary: fc.tuple(callArbitrary(pools), senders), weight: 10 },
      fc.tuple(fc.record({ method: channels, params: fc.jsonValue() }), senders),
    )
    const seed = fuzzSeed()
    const problems: string[] = []
    let calls = 0
    /** One call, checked; a burst sends several at once, as a page does. */
    const send = async (step: FuzzCall & { url: string | null }): Promise<void> => {
      const { method, url } = step
      const params = words.fill(step.params)
      calls++
      const ownPage = url !== null && isAppUrl(url, APP_URL)
      if (method === PICK_MODEL_CHANNEL || method === OPEN_DROPPED_FILE_CHANNEL) {
        // Desktop-only channels: nothing for a stranger, and only a sane path is looked at.
        expect(await invoke(method, url, params, ownPage ? trusted : stranger)).toBeNull()
        return
      }
      if (!handlers.has(ipcChannel(method))) return // ipcMain itself rejects unknown channels
      const reply = await invoke(ipcChannel(method), url, params, ownPage ? trusted : stranger)
      if (!ownPage) {
        expect(reply).toEqual({
          ok: false,
          error: { code: 'unauthorized', message: 'This page may not call Quire.' },
        })
        return
      }
      words.harvest(reply)
      const problem = replyProblem({ method, params }, reply)
      if (problem) problems.push(`${method}(${JSON.stringify(params)?.slice(0, 200)}): ${problem}`)
      expect(problem).toBeNull()
    }
    const property = fc.asyncProperty(
      fc.array(
        fc.array(
          step.map(([call, url]) => ({ ...call, url })),
          { minLength: 1, maxLength: 3 },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      async (bursts: (FuzzCall & { url: string | null })[][]) => {
        for (const burst of bursts) await Promise.all(burst.map(send))
      },
    )
    await runFuzz(seed, property, 60)

    expect(calls).toBeGreaterThan(150)
    expect(problems).toEqual([])
    // A page that is not the app's never got a connection, an event, or a dialog.
    expect(connections).toBe(1)
    expect(strangerEvents).toEqual([])
    for (const event of events) expect(quireEventSchema.safeParse(event).success).toBe(true)
    for (const path of dropped) expect(typeof path === 'string' && path.length <= 4_096).toBe(true)
    // Nothing was written outside the data and documents folders, nor beside this process.
    expect(filesUnder(sandbox, [dataDir, docsDir])).toEqual([])
    expect(filesAtRelativePaths(process.cwd(), outside)).toEqual(before)

    // The host still answers a real call correctly.
    const created = (await invoke(ipcChannel('createDocument'), APP_URL, {
      text: 'After the fuzz, the rain.',
    })) as { ok: true; value: { path: string } }
    expect(created.ok).toBe(true)
    const opened = await invoke(ipcChannel('openDocument'), APP_URL, { path: created.value.path })
    expect(opened).toMatchObject({ ok: true, value: { text: 'After the fuzz, the rain.' } })
  }, 90_000)
})
