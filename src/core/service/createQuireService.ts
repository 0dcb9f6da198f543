import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import type { QuireService } from '@shared/contract'
import { EngineHost, type EngineSettings } from '../engine/host/engineHost'
import type { EngineLauncher } from '../engine/protocol'
import { loadPromptLibrary, summarizePrompts, type PromptLibrary } from '../library/promptLibrary'
import { prepareGeneration } from '../library/prepareGeneration'
import { EventHub } from './eventHub'

export type QuireServiceOptions = {
  resourcesDir: string
  launchEngine: EngineLauncher
  engine: EngineSettings
}

export type RunningQuireService = QuireService & {
  library: PromptLibrary
  engine: EngineHost
  dispose(): Promise<void>
}

/** Builds the one service every transport (IPC, WebSocket, CLI) serves. */
export async function createQuireService(
  options: QuireServiceOptions,
): Promise<RunningQuireService> {
  const events = new EventHub()
  const library = await loadPromptLibrary(options.resourcesDir)
  for (const problem of library.problems) {
    console.warn(
      `quire: ${problem.source}${problem.line ? `:${problem.line}` : ''}${problem.field ? ` (${problem.field})` : ''}: ${problem.message}`,
    )
  }
  const engine = new EngineHost({
    ...options.engine,
    launch: options.launchEngine,
    onEvent: (event) => events.emit(event),
  })
  await engine.start()

  return {
    library,
    engine,
    onEvent: (listener) => events.subscribe(listener),
    getStatus: async () => engine.getStatus(),
    loadModel: async ({ path }) => engine.loadModel(resolve(path)),
    listPrompts: async () => summarizePrompts(library),
    generate: async (request) => {
      const rendered = prepareGeneration(library, request)
      const requestId = randomUUID()
      engine.generate({
        requestId,
        system: rendered.system,
        user: rendered.user,
        sampling: rendered.sampling,
        seed: request.seed,
      })
      return { requestId }
    },
    cancel: async ({ requestId }) => ({ cancelled: engine.cancel(requestId) }),
    dispose: () => engine.dispose(),
  }
}
