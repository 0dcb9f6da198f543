import childProcess, { type ChildProcess, type ForkOptions } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { syncBuiltinESMExports } from 'node:module'
import { relayEventSchema, type RelayRequest } from '../forkRelayProtocol'

/** The utility process's line to the main process (Electron's `process.parentPort`). */
export type RelayPort = {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

/**
 * A child the host started for us, as much of a ChildProcess as node-llama-cpp's binary test
 * uses: `send`, `kill`, `exitCode`, `killed`, and the `message` and `exit` events.
 */
class RelayedChild extends EventEmitter {
  exitCode: number | null = null
  killed = false
  readonly stdout = null
  readonly stderr = null
  readonly pid = undefined

  constructor(
    private readonly id: number,
    private readonly post: (message: RelayRequest) => void,
  ) {
    super()
  }

  send(message: unknown): boolean {
    if (this.exitCode !== null) return false
    this.post({ type: 'relay-send', id: this.id, message })
    return true
  }

  kill(): boolean {
    if (this.exitCode !== null || this.killed) return false
    this.killed = true
    this.post({ type: 'relay-kill', id: this.id })
    return true
  }

  exited(code: number): void {
    if (this.exitCode !== null) return
    this.exitCode = code
    this.emit('exit', code, null)
    this.emit('close', code, null)
  }
}

function stringEnv(env: NodeJS.ProcessEnv | undefined): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(env ?? process.env))
    if (typeof value === 'string') result[name] = value
  return result
}

/**
 * Makes `child_process.fork` in this (utility) process ask the host to start the child, for
 * every importer including ES modules. Returns a function that puts the original back.
 */
export function relayForksToHost(port: RelayPort): () => void {
  const original = childProcess.fork
  const children = new Map<number, RelayedChild>()
  let next = 1
  port.on('message', ({ data }) => {
    const parsed = relayEventSchema.safeParse(data)
    if (!parsed.success) return
    const event = parsed.data
    const child = children.get(event.id)
    if (!child) return
    if (event.type === 'relay-message') child.emit('message', event.message)
    else {
      children.delete(event.id)
      child.exited(event.code)
    }
  })
  const relayed = (
    modulePath: string | URL,
    args?: readonly string[] | ForkOptions,
    options?: ForkOptions,
  ): ChildProcess => {
    const list = Array.isArray(args) ? (args as readonly string[]) : []
    const settings = (Array.isArray(args) ? options : (args as ForkOptions | undefined)) ?? {}
    const id = next++
    const child = new RelayedChild(id, (message) => port.postMessage(message))
    children.set(id, child)
    port.postMessage({
      type: 'relay-fork',
      id,
      modulePath: String(modulePath),
      args: [...list],
      env: stringEnv(settings.env),
    } satisfies RelayRequest)
    return child as unknown as ChildProcess
  }
  childProcess.fork = relayed as typeof childProcess.fork
  syncBuiltinESMExports()
  return () => {
    childProcess.fork = original
    syncBuiltinESMExports()
  }
}
