import { basename } from 'node:path'
import { QuireError, type ModelInfo, type ModelListEntry } from '@shared/contract'
import type { GenerationOverrides } from '@shared/compare/configuration'

/**
 * Where one request runs: on the backend in use (`main`), on another installed model in a
 * second engine process (`local`), or on the server set in Settings while this computer's
 * engine is in use (`remote`).
 */
export type Route =
  | { kind: 'main' }
  | { kind: 'local'; modelId: string; path: string; title: string }
  | { kind: 'remote' }

/** What routing needs to know about the host at the moment a request arrives. */
export type RouteContext = {
  /** The backend in use and the model it runs (null while none is loaded). */
  main: { kind: 'local' | 'remote'; model: Pick<ModelInfo, 'name' | 'path'> | null }
  /** The model store's list. */
  models: readonly ModelListEntry[]
  /** The server address saved in Settings, empty when there is none. */
  remoteBaseUrl: string
}

const MAIN: Route = { kind: 'main' }

/** Whether `wanted` names the model the backend in use runs (its store id, name, file or path). */
function isModelInUse(wanted: string, context: RouteContext): boolean {
  const model = context.main.model
  if (!model) return false
  if (wanted === model.name || wanted === model.path || wanted === basename(model.path)) return true
  return context.models.some((entry) => entry.id === wanted && entry.path === model.path)
}

/**
 * Decides which backend runs a request from its configuration's `model` and `backend`. Throws a
 * keyed QuireError when the configuration names a model that is not installed, or the remote
 * server when none is set.
 */
export function routeRequest(
  overrides: Pick<GenerationOverrides, 'model' | 'backend'> | undefined,
  context: RouteContext,
): Route {
  const { model, backend } = overrides ?? {}
  if (backend === 'remote') {
    if (context.main.kind === 'remote') return MAIN
    if (!context.remoteBaseUrl)
      throw new QuireError(
        'invalid-request',
        'This configuration runs on the remote server, but no server is set. Add its address in Settings → Engine.',
        'compare-remote-not-set',
      )
    return { kind: 'remote' }
  }
  if (model === undefined) {
    if (backend === 'local' && context.main.kind === 'remote')
      throw new QuireError(
        'invalid-request',
        'This configuration runs on this computer; name one of your installed models for it.',
        'compare-local-needs-model',
      )
    return MAIN
  }
  if (context.main.kind === 'local' && isModelInUse(model, context)) return MAIN
  // A remote server's own model id is what the main backend runs when it is remote.
  if (context.main.kind === 'remote' && backend !== 'local' && context.main.model?.name === model)
    return MAIN
  const entry = context.models.find((candidate) => candidate.id === model)
  if (!entry || entry.status !== 'installed' || !entry.path)
    throw new QuireError(
      'model-not-found',
      `The model "${entry?.title ?? model}" is not installed. Download or import it in Models, or choose another model.`,
      'compare-model-missing',
      { name: entry?.title ?? model },
    )
  return { kind: 'local', modelId: entry.id, path: entry.path, title: entry.title }
}
