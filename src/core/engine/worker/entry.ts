import { toErrorPayload } from '@shared/contract'
import { isRelayMessage } from '../forkRelayProtocol'
import { hostToEngineSchema, type EngineToHost } from '../protocol'
import { relayForksToHost } from './forkRelay'
import { deltaBatcher } from './deltaBatcher'
import { LlamaEngine } from './llamaEngine'

/**
 * The engine process: node-llama-cpp lives here so that a native abort (a malformed GGUF can
 * trip an assertion that no try/catch sees) takes down only this process, never the editor.
 * Started by Electron's utilityProcess (messages on process.parentPort) or child_process.fork.
 */
type ParentPort = {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort

// In Electron's utility process a fork cannot start Node (see forkRelayProtocol.ts): the host
// starts node-llama-cpp's binary test for us.
if (parentPort) relayForksToHost(parentPort)

function post(message: EngineToHost): void {
  if (parentPort) parentPort.postMessage(message)
  else process.send?.(message)
}

function onMessage(listener: (message: unknown) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data))
  else process.on('message', listener)
}

const engine = new LlamaEngine((level, message) => post({ type: 'log', level, message }))

/**
 * Load progress arrives on every tensor; the host needs a few steps a second, not every
 * callback, and a load that ends quickly needs none (each step is a status event for every
 * window).
 */
function throttledProgress(callId: number): (progress: number) => void {
  const every = 250
  let last = performance.now()
  return (progress) => {
    const now = performance.now()
    if (progress >= 1 || now - last < every) return
    last = now
    post({ type: 'load-progress', callId, progress: Math.max(0, progress) })
  }
}

onMessage((raw) => {
  if (isRelayMessage(raw)) return
  const parsed = hostToEngineSchema.safeParse(raw)
  if (!parsed.success) {
    post({
      type: 'log',
      level: 'error',
      message: `engine: ignored a malformed message: ${parsed.error.message}`,
    })
    return
  }
  const message = parsed.data
  switch (message.type) {
    case 'load':
      engine.load({ ...message, onProgress: throttledProgress(message.callId) }).then(
        (model) => post({ type: 'loaded', callId: message.callId, model }),
        (error: unknown) =>
          post({ type: 'load-failed', callId: message.callId, ...toErrorPayload(error) }),
      )
      break
    case 'generate': {
      const { runId } = message
      const deltas = deltaBatcher((text, tokens) => {
        post({ type: 'delta', runId, text, tokens })
      })
      engine
        .generate(message, {
          queued: () => post({ type: 'queued', runId }),
          started: (prompt) => post({ type: 'started', runId, ...prompt }),
          delta: deltas.add,
        })
        .then(
          (result) => {
            deltas.flush()
            post({ type: 'done', runId, ...result })
          },
          (error: unknown) => {
            deltas.flush()
            post({ type: 'failed', runId, ...toErrorPayload(error) })
          },
        )
      break
    }
    case 'cancel':
      engine.stop(message.runId, message.reason)
      break
    case 'unload': {
      const unloaded = () => post({ type: 'unloaded', callId: message.callId })
      engine.unloadModel().then(unloaded, unloaded)
      break
    }
    default:
      void (message satisfies never)
  }
})

// When the host goes away, so does the engine.
process.on('disconnect', () => process.exit(0))

post({ type: 'ready', pid: process.pid })
