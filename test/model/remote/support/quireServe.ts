import { TINY_MODEL_PATH } from '../../../fixtures/paths'
import { startQuireServe } from '../../../support/quireServe'

export type RunningServe = { base: string; token: string; output: string[]; stop(): Promise<void> }

/** Starts the built `quire serve` with the tiny model and resolves once the model is loaded. */
export async function startServeWithModel(): Promise<RunningServe> {
  const serve = await startQuireServe(['--model', TINY_MODEL_PATH])
  await serve.waitForLine(/^Model loaded:/)
  return {
    base: serve.origin,
    token: serve.token,
    output: serve.output,
    stop: serve.stop,
  }
}
