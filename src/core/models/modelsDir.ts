import { join, resolve } from 'node:path'
import { userDataDir } from '../settings/userDataDir'

/**
 * Where models live: `models/` in Quire's per-user data folder ($XDG_DATA_HOME/quire/models or
 * ~/.local/share/quire/models on Linux, ~/Library/Application Support/Quire/models on macOS,
 * %APPDATA%\Quire\models on Windows). Never the current directory.
 */
export function defaultModelsDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  return join(userDataDir(env, platform), 'models')
}

/** The models folder: the one asked for (relative to the current directory), else the default. */
export function resolveModelsDir(requested?: string | undefined): string {
  return requested ? resolve(requested) : defaultModelsDir()
}
