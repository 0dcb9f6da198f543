import { createQuireService, type RunningQuireService } from '@core/service/createQuireService'
import { forkLauncher } from '@core/engine/host/forkLauncher'
import { userDataDir } from '@core/settings/userDataDir'
import { EnvSecretStore } from '@core/secrets/envSecretStore'
import { documentsFolderOverride } from './docsFolder'
import { hostPaths } from './hostPaths'

/** The core service with its engine in a forked child process, as the CLI and `quire serve` run it. */
export async function startService(options: {
  rememberModel?: boolean
  threads?: number | undefined
  contextSize?: number | undefined
  /** `--docs DIR`; QUIRE_DOCS_DIR when not given. */
  docs?: string | undefined
}): Promise<RunningQuireService> {
  const service = await createQuireService({
    resourcesDir: hostPaths.resourcesDir,
    launchEngine: forkLauncher(hostPaths.engineEntry, {
      echoStderr: process.env.QUIRE_DEBUG === '1',
    }),
    dataDir: userDataDir(),
    secrets: new EnvSecretStore(),
    rememberModel: options.rememberModel,
    engineOverrides: { threads: options.threads, contextSize: options.contextSize },
    documentsFolder: documentsFolderOverride(options.docs),
  })
  // The app shows this in its window; a command has only stderr. The store repairs the file
  // as it reports it, so the next run is quiet.
  if (service.settings.problem) process.stderr.write(`quire: ${service.settings.problem}\n`)
  return service
}
