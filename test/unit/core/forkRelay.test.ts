import { fork } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { relayForksToHost, type RelayPort } from '@core/engine/worker/forkRelay'

/** The utility process's parentPort: what the engine posted, and a way to answer as the host. */
function fakePort() {
  const posted: unknown[] = []
  let listener: (event: { data: unknown }) => void = () => undefined
  const port: RelayPort = {
    on: (_event, next) => void (listener = next),
    postMessage: (message) => void posted.push(message),
  }
  return { port, posted, answer: (data: unknown) => listener({ data }) }
}

let restore: (() => void) | null = null
afterEach(() => {
  restore?.()
  restore = null
})

describe('forks relayed to the host', () => {
  it('asks the host to start the child, for ES module importers too, with its args and environment', () => {
    const { port, posted } = fakePort()
    const original = fork
    restore = relayForksToHost(port)
    // node-llama-cpp imports `fork` by name: the live binding must now be the relay.
    expect(fork).not.toBe(original)
    fork('/app/node_modules/node-llama-cpp/dist/bindings/utils/testBindingBinary.js', [], {
      env: { TEST_BINDING_CP: 'true', PATH: '/usr/bin' },
    })
    expect(posted).toEqual([
      {
        type: 'relay-fork',
        id: 1,
        modulePath: '/app/node_modules/node-llama-cpp/dist/bindings/utils/testBindingBinary.js',
        args: [],
        env: { TEST_BINDING_CP: 'true', PATH: '/usr/bin' },
      },
    ])
  })

  it('passes messages both ways, then the exit code, as a child process would', () => {
    const { port, posted, answer } = fakePort()
    restore = relayForksToHost(port)
    const child = fork('/x/testBindingBinary.js', [], { env: {} })
    const heard: unknown[] = []
    const exits: unknown[] = []
    child.on('message', (message) => heard.push(message))
    child.on('exit', (code) => exits.push(code))
    answer({ type: 'relay-message', id: 1, message: { type: 'ready' } })
    child.send({ type: 'start', gpu: false })
    answer({ type: 'relay-message', id: 2, message: { type: 'not mine' } })
    answer({ type: 'relay-exit', id: 1, code: 0 })
    expect(heard).toEqual([{ type: 'ready' }])
    expect(exits).toEqual([0])
    expect(child.exitCode).toBe(0)
    expect(posted.slice(1)).toEqual([
      { type: 'relay-send', id: 1, message: { type: 'start', gpu: false } },
    ])
    // Gone: nothing more is sent, and a kill is a no-op.
    expect(child.send({ type: 'exit' })).toBe(false)
    expect(child.kill('SIGKILL')).toBe(false)
  })

  it('kills through the host', () => {
    const { port, posted } = fakePort()
    restore = relayForksToHost(port)
    const child = fork('/x/testBindingBinary.js')
    expect(child.kill('SIGKILL')).toBe(true)
    expect(child.killed).toBe(true)
    expect(posted.at(-1)).toEqual({ type: 'relay-kill', id: 1 })
  })

  it('puts the original fork back', () => {
    const original = fork
    const { port } = fakePort()
    relayForksToHost(port)()
    expect(fork).toBe(original)
  })
})
