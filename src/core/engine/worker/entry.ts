import { toErrorPayload } from '@shared/contract'
import { hostToEngineSchema, type EngineToHost } from '../protocol'
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

function post(message: EngineToHost): void {
  if (parentPort) parentPort.postMessage(message)
  else process.send?.(message)
}

function onMessage(listener: (message: unknown) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data))
  else process.on('message', listener)
}

const engine = new LlamaEngine((level, message) => post({ type: 'log', level, message }))

onMessage((raw) => {
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
      engine.load(message).then(
        (model) => post({ type: 'loaded', callId: message.callId, model }),
        (error: unknown) =>
          post({ type: 'load-failed', callId: message.callId, ...toErrorPayload(error) }),
      )
      break
    case 'generate': {
      let seq = 0
      const { requestId } = message
      engine
        .generate(message, (text, tokens) =>
          post({ type: 'delta', requestId, seq: seq++, text, tokens }),
        )
        .then(
          (result) => post({ type: 'done', requestId, ...result }),
          (error: unknown) => {
            post({ type: 'failed', requestId, ...toErrorPayload(error) })
          },
        )
      break
    }
    case 'cancel':
      engine.cancel(message.requestId)
      break
    case 'measure':
      try {
        post({
          type: 'measured',
          callId: message.callId,
          ...engine.measure(message.system, message.user),
        })
      } catch (error) {
        post({ type: 'measure-failed', callId: message.callId, ...toErrorPayload(error) })
      }
      break
    default:
      void (message satisfies never)
  }
})

// When the host goes away, so does the engine.
process.on('disconnect', () => process.exit(0))

post({ type: 'ready', pid: process.pid })
