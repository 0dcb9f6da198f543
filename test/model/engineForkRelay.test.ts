import { fork as nodeFork } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { RelayPort } from '@core/engine/worker/forkRelay'

const realFork = nodeFork

/** Electron's utilityProcess.fork, played by Node's fork: a child with Node and a message channel. */
vi.mock('electron', () => ({
  utilityProcess: {
    fork: (modulePath: string, args: string[], options: { env: NodeJS.ProcessEnv }) => {
      const child = realFork(modulePath, args, {
        env: options.env,
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      })
      const utility = new EventEmitter() as EventEmitter & {
        postMessage(message: unknown): void
        kill(): boolean
      }
      child.on('message', (message) => utility.emit('message', message))
      child.on('exit', (code) => utility.emit('exit', code ?? 1))
      utility.postMessage = (message) => void child.send(message as object)
      utility.kill = () => child.kill()
      return utility
    },
  },
}))

const { relayForksToHost } = await import('@core/engine/worker/forkRelay')
const { forkRelayHost } = await import('../../src/main/engine/forkRelayHost')

const require = createRequire(import.meta.url)
const dist = dirname(require.resolve('node-llama-cpp'))
const { testBindingBinary } = (await import(
  pathToFileURL(join(dist, 'bindings/utils/testBindingBinary.js')).href
)) as {
  testBindingBinary(binary: string, extBackends: string | undefined, gpu: false): Promise<boolean>
}

/** This machine's CPU build of llama.cpp, as node-llama-cpp ships it. */
function cpuBinary(): string {
  const os = { linux: 'linux', darwin: 'mac', win32: 'win' }[process.platform as string]
  const packages = join(dist, '../../@node-llama-cpp')
  const name = readdirSync(packages).find(
    (entry) => entry.startsWith(`${os}-${process.arch}`) && !/cuda|vulkan/.test(entry),
  )
  if (!name) throw new Error(`no CPU build of llama.cpp for ${os}-${process.arch}`)
  const bins = join(packages, name, 'bins')
  return join(bins, readdirSync(bins)[0]!, 'llama-addon.node')
}

describe('node-llama-cpp’s binary test, started by the host for the engine', () => {
  // The engine's side of process.parentPort, wired to the main process's side.
  const toEngine: ((event: { data: unknown }) => void)[] = []
  const host = forkRelayHost((event) => toEngine.forEach((listener) => listener({ data: event })))
  const relayed: string[] = []
  const port: RelayPort = {
    on: (_event, listener) => void toEngine.push(listener),
    postMessage: (message) => {
      relayed.push((message as { type: string }).type)
      host.handle(message)
    },
  }
  const restore = relayForksToHost(port)
  afterAll(() => {
    restore()
    host.dispose()
  })

  it('passes for this machine’s CPU build, every message going through the relay', async () => {
    expect(await testBindingBinary(cpuBinary(), undefined, false)).toBe(true)
    // Started by the host and spoken to through it: start, test, exit.
    expect(relayed).toEqual(['relay-fork', 'relay-send', 'relay-send', 'relay-send'])
  })
})
