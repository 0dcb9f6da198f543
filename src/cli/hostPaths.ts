import { fileURLToPath } from 'node:url'

/**
 * Where the CLI finds its siblings. The CLI is built to out/main/cli.js, next to the engine
 * entry; the renderer is in out/renderer and the bundled library in resources/.
 */
export const hostPaths = {
  engineEntry: fileURLToPath(new URL('./engine.js', import.meta.url)),
  rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)),
}
