import { utilityProcess } from 'electron'
import { isRelayMessage } from '@core/engine/forkRelayProtocol'
import type { EngineLauncher } from '@core/engine/protocol'
import { engineEnvironment } from '@core/engine/host/engineEnvironment'
import { OutputTail } from '@core/engine/host/outputTail'
import { forkRelayHost } from './forkRelayHost'

/** Starts the engine entry in an Electron utilityProcess, so a native abort cannot take the window down. */
export function utilityLauncher(entry: string): EngineLauncher {
  return () => {
    const child = utilityProcess.fork(entry, [], {
      stdio: 'pipe',
      serviceName: 'Quire engine',
      env: engineEnvironment(process.env, process.platform),
    })
    // node-llama-cpp tests a binary in a child before loading it: the engine asks us to start it.
    const relay = forkRelayHost((event) => child.postMessage(event))
    child.on('message', (message: unknown) => relay.handle(message))
    child.once('exit', () => relay.dispose())
    const tail = new OutputTail()
    child.stdout?.on('data', (chunk: Buffer) => tail.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => {
      tail.push(chunk)
      process.stderr.write(chunk)
    })
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) =>
        child.on('message', (message: unknown) => {
          if (!isRelayMessage(message)) listener(message)
        }),
      // Give stderr a moment to drain so the assertion text is in the tail.
      onExit: (listener) =>
        child.once('exit', (code) =>
          setTimeout(() => listener({ code, signal: null, stderr: tail.toString() }), 100),
        ),
      kill: () => {
        child.kill()
      },
    }
  }
}
