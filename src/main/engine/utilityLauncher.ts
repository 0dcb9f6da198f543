import { utilityProcess } from 'electron'
import type { EngineLauncher } from '@core/engine/protocol'
import { OutputTail } from '@core/engine/host/outputTail'

/** Starts the engine entry in an Electron utilityProcess, so a native abort cannot take the window down. */
export function utilityLauncher(entry: string): EngineLauncher {
  return () => {
    const child = utilityProcess.fork(entry, [], { stdio: 'pipe', serviceName: 'Quire engine' })
    const tail = new OutputTail()
    child.stdout?.on('data', (chunk: Buffer) => tail.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => {
      tail.push(chunk)
      process.stderr.write(chunk)
    })
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
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
