import { fork } from 'node:child_process'
import type { EngineLauncher } from '../protocol'
import { engineEnvironment } from './engineEnvironment'
import { OutputTail } from './outputTail'

/** Starts the engine entry with child_process.fork (used by `quire serve`, the CLI and tests). */
export function forkLauncher(
  entry: string,
  options: { execArgv?: string[]; echoStderr?: boolean } = {},
): EngineLauncher {
  return () => {
    const child = fork(entry, [], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      execArgv: options.execArgv ?? [],
      serialization: 'json',
      env: engineEnvironment(process.env, process.platform),
    })
    const tail = new OutputTail()
    child.stdout?.on('data', (chunk: Buffer) => tail.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => {
      tail.push(chunk)
      if (options.echoStderr) process.stderr.write(chunk)
    })
    return {
      send: (message) => {
        if (child.connected) child.send(message)
      },
      onMessage: (listener) => child.on('message', listener),
      // 'close' waits for stdio to drain, so the native assertion text is in the tail.
      onExit: (listener) =>
        child.once('close', (code, signal) => listener({ code, signal, stderr: tail.toString() })),
      kill: () => {
        child.kill()
      },
    }
  }
}
