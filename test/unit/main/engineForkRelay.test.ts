import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

/** A utility process as Electron's API shows it: messages, exit, stdout and stderr. */
class FakeUtility extends EventEmitter {
  readonly posted: unknown[] = []
  readonly stdout = new EventEmitter()
  readonly stderr = new EventEmitter()
  killed = false
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super()
  }
  postMessage(message: unknown) {
    this.posted.push(message)
  }
  kill() {
    this.killed = true
    return true
  }
}
const forked: FakeUtility[] = []
vi.mock('electron', () => ({
  utilityProcess: {
    fork: (modulePath: string, args: string[], options: Record<string, unknown>) => {
      const child = new FakeUtility(modulePath, args, options)
      forked.push(child)
      return child
    },
  },
}))

const { utilityLauncher } = await import('../../../src/main/engine/utilityLauncher')

const TEST_SCRIPT =
  '/opt/Quire/resources/app.asar/node_modules/node-llama-cpp/dist/bindings/utils/testBindingBinary.js'

describe('the engine’s utility process and node-llama-cpp’s binary test', () => {
  beforeEach(() => void (forked.length = 0))

  it('starts the binary test the engine asks for as a utility process, and relays both ways', () => {
    const channel = utilityLauncher('/opt/Quire/out/main/engine.js')()
    const heard: unknown[] = []
    channel.onMessage((message) => heard.push(message))
    const engine = forked[0]!
    engine.emit('message', {
      type: 'relay-fork',
      id: 1,
      modulePath: TEST_SCRIPT,
      args: [],
      env: { TEST_BINDING_CP: 'true' },
    })
    const test = forked[1]!
    // A utility process, not a fork of the Electron binary: it runs Node whatever the fuses say.
    expect(test.modulePath).toBe(TEST_SCRIPT)
    expect(test.options).toMatchObject({ env: { TEST_BINDING_CP: 'true' } })
    test.emit('message', { type: 'ready' })
    engine.emit('message', { type: 'relay-send', id: 1, message: { type: 'start' } })
    expect(test.posted).toEqual([{ type: 'start' }])
    test.emit('exit', 0)
    expect(engine.posted).toEqual([
      { type: 'relay-message', id: 1, message: { type: 'ready' } },
      { type: 'relay-exit', id: 1, code: 0 },
    ])
    // The relay's messages are not the engine protocol's: the host never sees them.
    engine.emit('message', { type: 'ready', pid: 7 })
    expect(heard).toEqual([{ type: 'ready', pid: 7 }])
  })

  it('starts nothing but the binary test, and stops what it started when the engine goes', () => {
    utilityLauncher('/opt/Quire/out/main/engine.js')()
    const engine = forked[0]!
    engine.emit('message', {
      type: 'relay-fork',
      id: 1,
      modulePath: '/tmp/anything.js',
      args: [],
      env: {},
    })
    expect(forked).toHaveLength(1)
    expect(engine.posted).toEqual([{ type: 'relay-exit', id: 1, code: 1 }])
    engine.emit('message', {
      type: 'relay-fork',
      id: 2,
      modulePath: TEST_SCRIPT,
      args: [],
      env: {},
    })
    engine.emit('exit', 134)
    expect(forked[1]?.killed).toBe(true)
  })
})
