import { parseArgs } from 'node:util'
import open from 'open'
import { servingLine } from '@shared/contract/socketProtocol'
import { startWebServer } from '../../web/webServer'
import { checkedDocumentsFolder } from '../docsFolder'
import { hostPaths } from '../hostPaths'
import { intOption } from '../options'
import { startService } from '../startService'
import { remoteWarning, serveAddress } from './serveAddress'

export const serveUsage = `quire serve [--model FILE] [--docs DIR] [--port N] [--host ADDR --allow-remote]
            [--threads N] [--no-open]

  --model FILE   GGUF model to load at start
  --docs DIR     documents folder for this run (default: QUIRE_DOCS_DIR, then Settings,
                 then ~/Documents/Quire)
  --port N       port to listen on (default: 5917; 0 picks a free one)
  --host ADDR    address to listen on (default: 127.0.0.1); an address other machines
                 can reach also needs --allow-remote
  --allow-remote let --host name such an address: prints a warning; anyone with the printed
                 address (it holds the access token) can then use Quire
  --threads N    CPU threads (default: one per physical core)
  --no-open      do not open the browser`

/** `quire serve`: the editor in a browser, the engine on this machine. */
export async function runServe(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      model: { type: 'string' },
      docs: { type: 'string' },
      port: { type: 'string', default: '5917' },
      host: { type: 'string' },
      'allow-remote': { type: 'boolean', default: false },
      threads: { type: 'string' },
      open: { type: 'boolean', default: true },
      'no-open': { type: 'boolean', default: false },
    },
  })
  const port = intOption('port', values.port, { max: 65_535 }) ?? 5917
  const threads = intOption('threads', values.threads, { min: 1, max: 256 })
  const address = serveAddress(values.host, values['allow-remote'])
  await checkedDocumentsFolder(values.docs)
  const service = await startService({ threads, docs: values.docs })
  // The documents folder exists and is watched before the first page asks for it.
  await service.documents.ready().catch(async (error: unknown) => {
    await service.dispose()
    throw new Error(
      `Quire cannot use the documents folder ${service.documents.store.folder}: ${error instanceof Error ? error.message : String(error)}`,
    )
  })
  const server = await startWebServer({
    service,
    rendererDir: hostPaths.rendererDir,
    port,
    host: address.host,
    openAi: {
      generation: service.generation,
      readiness: service.readiness,
      model: () => service.backend().getStatus().model,
    },
  }).catch(async (error: unknown) => {
    await service.dispose()
    if ((error as { code?: string }).code === 'EADDRINUSE')
      throw new Error(`Port ${port} is in use; pass --port N (or --port 0 for any free port).`)
    if ((error as { code?: string }).code === 'EADDRNOTAVAIL')
      throw new Error(
        `${address.host} is not an address of this machine; pass one --host can listen on.`,
      )
    throw error
  })
  // The load begins before the address is printed, so `/health` and `/v1` called right after
  // it see a model loading (and wait) rather than none.
  if (values.model) {
    service.loadModel(values.model).then(
      (status) => process.stdout.write(`Model loaded: ${status.model?.name ?? values.model}\n`),
      (error: unknown) =>
        process.stderr.write(`quire: ${error instanceof Error ? error.message : String(error)}\n`),
    )
  }
  process.stdout.write(`${servingLine(server.url)}\n`)
  if (address.remote) process.stderr.write(`${remoteWarning(address.host)}\n`)
  process.stdout.write(`Documents: ${service.documents.store.folder}\n`)

  const stop = async (): Promise<void> => {
    await server.close()
    await service.dispose()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())

  if (values.open && !values['no-open']) void open(server.url).catch(() => {})
}
