import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openDocuments, type Documents } from '@core/documents/documents'
import { notFound } from '@core/documents/documentStore'
import { exportMarkdown } from '@core/documents/export/exportDocument'
import { fileTitle } from '@core/documents/summaries'
import { writeFileAtomic } from '@core/settings/atomicWrite'
import { SettingsStore } from '@core/settings/settingsStore'
import { userDataDir } from '@core/settings/userDataDir'
import { exportFormatSchema, titleFromText, type DocumentSummary } from '@shared/documents'
import { checkedDocumentsFolder } from '../docsFolder'
import { UsageError } from '../usageError'
import type { CommandIo } from './prompts'

export const docsUsage = `quire docs list [--json] [--docs DIR]
quire docs export FILE --to html|docx [--out PATH] [--docs DIR]

  The documents folder: your .md and .txt files (default ~/Documents/Quire; QUIRE_DOCS_DIR,
  --docs or the Settings field choose another). Hot-exit backups are kept in <data>/backups.

  list     each document's title, words, last modified time and whether a backup newer than
           the file exists (open it in Quire to recover it); newest first
  export   writes FILE (a path, or a document in the folder) as a self-contained HTML page or a
           Word .docx, to PATH (a file or a folder; default: the current folder)`

/** `--docs`, else QUIRE_DOCS_DIR; with neither, the Settings field or the default decides. */
async function openCliDocuments(io: CommandIo, docs: string | undefined): Promise<Documents> {
  const dataDir = io.dataDir ?? userDataDir()
  const { settings } = await new SettingsStore(dataDir).load()
  return openDocuments({
    dataDir,
    setting: settings.documentsFolder,
    override: await checkedDocumentsFolder(docs),
    emit: () => {},
    watch: false,
  })
}

const pad = (text: string, width: number): string => {
  const chars = Array.from(text)
  // CJK characters take two columns in a terminal.
  const columns = chars.reduce((sum, c) => sum + (/[\u1100-\uffdc]/.test(c) ? 2 : 1), 0)
  return columns >= width ? text : text + ' '.repeat(width - columns)
}

const localTime = (ms: number): string => {
  const date = new Date(ms)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`
}

function formatList(folder: string, documents: readonly DocumentSummary[]): string {
  if (documents.length === 0) return `No documents in ${folder} yet.\n`
  const lines = documents.map(
    (doc) =>
      `${pad(localTime(doc.modifiedMs), 17)}  ${String(doc.words).padStart(8)} ${doc.words === 1 ? 'word ' : 'words'}  ${pad(doc.title, 32)}  ${doc.path}${doc.hasBackup ? '  (newer backup: open it in Quire to recover)' : ''}`,
  )
  return `${folder}\n${lines.join('\n')}\n`
}

async function list(args: string[], io: CommandIo): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { json: { type: 'boolean', default: false }, docs: { type: 'string' } },
  })
  const documents = await openCliDocuments(io, values.docs)
  const listing = await documents.store.list()
  io.stdout(
    values.json
      ? `${JSON.stringify(listing, null, 2)}\n`
      : formatList(listing.folder, listing.documents),
  )
}

/** What a path names on disk, if anything. */
const kindOf = (path: string): Promise<'file' | 'folder' | 'other' | null> =>
  stat(path).then(
    (info) => (info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other'),
    () => null,
  )

const isAFolder = (name: string): UsageError =>
  new UsageError(`${name} is a folder, not a document. Name a .md or .txt file to export.`)

async function exportCommand(args: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { to: { type: 'string' }, out: { type: 'string' }, docs: { type: 'string' } },
  })
  const [name, ...extra] = positionals
  if (!name)
    throw new UsageError('Name the document to export: quire docs export FILE --to html|docx.')
  if (extra.length > 0)
    throw new UsageError(`Export one document at a time (got ${positionals.length}).`)
  const to = exportFormatSchema.safeParse(values.to)
  if (!to.success) throw new UsageError('--to takes html or docx.')
  const documents = await openCliDocuments(io, values.docs)
  const store = documents.store
  // A path that exists from here is used as it is; otherwise it names a document in the folder.
  const direct = resolve(name)
  const found = await kindOf(direct)
  if (found === 'folder') throw isAFolder(name)
  if (found === 'file') store.allowExternal(direct)
  const ref = store.resolve(found === 'file' ? direct : name)
  if ((await kindOf(ref.file)) === 'folder') throw isAFolder(name)
  const disk = await store.read(ref.file)
  if (!disk) throw notFound(ref.path)
  const stem = fileTitle(ref.file)
  const file = await exportMarkdown(disk.text, {
    title: titleFromText(disk.text) || stem,
    stem,
    to: to.data,
  })
  const out = resolve(values.out ?? '.')
  const target = (await stat(out).then(
    (s) => s.isDirectory(),
    () => false,
  ))
    ? join(out, file.fileName)
    : out
  await writeFileAtomic(target, file.bytes, { mode: 0o644 })
  io.stdout(`Wrote ${target} (${file.bytes.length.toLocaleString('en')} bytes).\n`)
}

const processIo: CommandIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}

/** `quire docs …`: the documents folder from the terminal. */
export async function runDocs(args: string[], io: CommandIo = processIo): Promise<void> {
  const [sub, ...rest] = args
  if (sub === 'list') return list(rest, io)
  if (sub === 'export') return exportCommand(rest, io)
  throw new UsageError(
    sub
      ? `Unknown docs command "${sub}".`
      : 'Say what to do: quire docs list, or quire docs export.',
  )
}
