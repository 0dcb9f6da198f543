import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Quire's per-user data folder for the CLI and `quire serve` (the app uses Electron's
 * userData): QUIRE_DATA_DIR when set, else the platform's usual place.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.QUIRE_DATA_DIR) return env.QUIRE_DATA_DIR
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Quire')
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Quire')
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'quire')
}
