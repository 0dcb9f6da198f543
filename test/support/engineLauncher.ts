import { fileURLToPath } from 'node:url'
import { forkLauncher } from '@core/engine/host/forkLauncher'
import type { EngineLauncher } from '@core/engine/protocol'

const ENGINE_ENTRY = fileURLToPath(
  new URL('../../src/core/engine/worker/entry.ts', import.meta.url),
)

/** Forks the engine process straight from source (through tsx), as `quire serve` forks the built one. */
export function sourceEngineLauncher(): EngineLauncher {
  process.env.TSX_TSCONFIG_PATH = fileURLToPath(
    new URL('../../tsconfig.node.json', import.meta.url),
  )
  return forkLauncher(ENGINE_ENTRY, { execArgv: ['--import', 'tsx'] })
}

export const RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url))
