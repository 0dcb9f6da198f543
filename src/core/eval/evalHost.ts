import { isAbsolute, join } from 'node:path'
import {
  QuireError,
  type DoneEvent,
  type EngineStatus,
  type ParsedGenerateCall,
  type StartedEvent,
} from '@shared/contract'
import { defaultReplacements } from '@shared/postprocess'
import type { InferenceBackend } from '../engine/backend'
import { EngineHost } from '../engine/host/engineHost'
import type { EngineLauncher } from '../engine/protocol'
import { RemoteBackend } from '../engine/remote/remoteBackend'
import { GenerationService, type GenerationClient } from '../generation/generationService'
import { ModelReadiness } from '../generation/modelReadiness'
import { prepareRequest } from '../generation/prepareRequest'
import type { LayeredLibrary } from '../library/loadLibrary'
import { validateModel } from '../models/validateModel'

/** Where an evaluation runs: a GGUF file on this machine, or an OpenAI-compatible server. */
export type EvalTarget =
  | {
      kind: 'local'
      modelPath: string
      launch: EngineLauncher
      threads: number
      contextSize: number
      /** Parallel sequences: as many as requests run at once. */
      sequences: number
    }
  | {
      kind: 'remote'
      baseUrl: string
      /** The model to ask the server for; empty lets it choose. */
      model: string
      apiKey: string | null
      timeoutMs: number
      contextSize: number
    }

/** One sample's outcome: the events a writer's client would have seen, or the error. */
export type SampleOutcome =
  | { ok: true; started: StartedEvent; done: DoneEvent }
  | {
      ok: false
      started: StartedEvent | null
      code: string
      message: string
      /** The numbers the message names (a context overflow's `needed` and `contextSize`). */
      params?: Readonly<Record<string, string | number>> | undefined
    }

/** What the report records so a run can be repeated. */
export type EvalModelInfo = {
  name: string
  /** The file (local) or null (remote). */
  path: string | null
  /** The GGUF file type ("Q4_K_M"); null on a remote server, which does not say. */
  quantisation: string | null
  backend: string
  architecture: string
  url: string | null
  /** The context each sequence has, in tokens (remote: as configured; Quire cannot ask). */
  contextSize: number
}

export type EvalHost = {
  library: LayeredLibrary
  model: EvalModelInfo
  run(call: ParsedGenerateCall): Promise<SampleOutcome>
  dispose(): Promise<void>
}

/**
 * The pieces of the service an evaluation needs, without the writer's settings, documents or
 * model choice: the prompt library (bundled and the writer's own), one backend as the command
 * line names it, and the GenerationService so each sample is prepared, run, retried and
 * post-processed exactly as in the editor.
 */
export async function openEvalHost(options: {
  /** The prompt library (bundled and the writer's own), loaded by the caller. */
  library: LayeredLibrary
  dataDir: string
  target: EvalTarget
}): Promise<EvalHost> {
  const { library } = options
  const target = options.target
  let status: EngineStatus | null = null
  const onStatus = (next: EngineStatus) => {
    status = next
    readiness.changed()
  }
  const backend: InferenceBackend & { start(): Promise<unknown> } =
    target.kind === 'local'
      ? new EngineHost({
          threads: target.threads,
          contextSize: target.contextSize,
          gpu: 'auto',
          gpuLayers: 'auto',
          sequences: target.sequences,
          launch: target.launch,
          onStatus,
        })
      : new RemoteBackend({
          baseUrl: target.baseUrl,
          model: target.model,
          timeoutMs: target.timeoutMs,
          contextSize: target.contextSize,
          apiKey: async () => target.apiKey,
          onStatus,
        })
  const readiness: ModelReadiness = new ModelReadiness(
    () => status ?? backend.getStatus(),
    () => target.kind === 'remote',
  )
  const generation = new GenerationService({ backend: () => backend, readiness })
  try {
    await backend.start()
    let quantisation: string | null = null
    if (target.kind === 'local') {
      quantisation = (await validateModel(target.modelPath)).quantization
      await readiness.track(backend.loadModel(target.modelPath))
    } else {
      await backend.loadModel('')
    }
    const loaded = backend.getStatus().model
    if (!loaded)
      throw new QuireError('no-model', 'The model did not load.', 'eval-model-not-loaded')
    const model: EvalModelInfo = {
      name: loaded.name,
      path: target.kind === 'local' ? loaded.path : null,
      quantisation,
      backend: target.kind === 'local' ? loaded.backend : 'remote',
      architecture: loaded.architecture,
      url: target.kind === 'remote' ? target.baseUrl : null,
      contextSize: loaded.contextSize,
    }
    const loraFile = (file: string) =>
      isAbsolute(file) ? file : join(options.dataDir, 'lora', file)
    return {
      library,
      model,
      run: (call) => runOne(generation, library, call, loraFile, model.name),
      dispose: () => backend.dispose(),
    }
  } catch (error) {
    await backend.dispose()
    throw error
  }
}

let clients = 0

/** Runs one request through the GenerationService and resolves with its outcome. */
function runOne(
  generation: GenerationService,
  library: LayeredLibrary,
  call: ParsedGenerateCall,
  loraFile: (file: string) => string,
  modelName: string,
): Promise<SampleOutcome> {
  return new Promise((resolve) => {
    let started: StartedEvent | null = null
    // One client per sample: each request is on its own, as one writer's card would be.
    const client: GenerationClient = {
      id: `eval-${++clients}`,
      send: (event) => {
        if (event.type === 'started') started = event
        else if (event.type === 'done' && started) resolve({ ok: true, started, done: event })
        else if (event.type === 'done')
          resolve({
            ok: false,
            started,
            code: 'no-start',
            message: 'The answer ended before it began.',
          })
        else if (event.type === 'error')
          resolve({
            ok: false,
            started,
            code: event.code,
            message: event.message,
            params: event.params,
          })
      },
    }
    try {
      const prepared = prepareRequest(library, call, {
        languageSetting: 'auto',
        loraFile,
        modelInUse: () => modelName,
        replacements: (language) => [
          ...defaultReplacements[language],
          ...library.replacements[language],
        ],
      })
      generation.generate(client, call.requestId, prepared)
    } catch (error) {
      const quire = error instanceof QuireError ? error : null
      resolve({
        ok: false,
        started: null,
        code: quire?.code ?? 'internal',
        message: error instanceof Error ? error.message : String(error),
      })
    }
  })
}
