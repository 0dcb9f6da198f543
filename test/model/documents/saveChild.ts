// A child process that saves documents until its parent kills it (SIGKILL), for the tests that
// prove an interrupted save never leaves a truncated file.
//   step FILE STEP N   writes FILE atomically and stops for good at the N-th STEP
//   saves DIR          saves DIR/doc.md through the DocumentStore, over and over, alternating A/B
//   backups DIR        writes hot-exit backups of DIR/doc.md, over and over, alternating A/B
import { writeFileAtomic, type AtomicWriteStep } from '@core/settings/atomicWrite'
import { DocumentStore } from '@core/documents/documentStore'
import { bigText } from './bigText'

const [mode, target, stepName, nth] = process.argv.slice(2)
const forever = new Promise<never>(() => {
  setInterval(() => {}, 1_000)
})

async function main(): Promise<void> {
  if (mode === 'step' && target && stepName) {
    let seen = 0
    await writeFileAtomic(target, bigText('B'), {
      onStep: async (step: AtomicWriteStep) => {
        if (step !== stepName || ++seen !== Number(nth ?? 1)) return
        process.stdout.write(`AT ${step} ${seen}\n`)
        await forever
      },
    })
    process.stdout.write('DONE\n')
    return
  }
  if ((mode === 'saves' || mode === 'backups') && target) {
    const store = new DocumentStore({
      folder: target,
      source: 'override',
      dataDir: `${target}/.data`,
      emit: () => {},
    })
    let opened = await store.open('doc.md')
    process.stdout.write('READY\n')
    for (let i = 0; ; i++) {
      const text = bigText(i % 2 === 0 ? 'B' : 'A')
      if (mode === 'backups') {
        await store.backup({ path: 'doc.md', text, baseRevision: opened.revision })
        process.stdout.write(`WROTE ${i + 1}\n`)
        continue
      }
      const saved = await store.save({ path: 'doc.md', text, baseRevision: opened.revision })
      if (!saved.ok) throw new Error('unexpected conflict')
      opened = { ...opened, revision: saved.revision }
      process.stdout.write(`WROTE ${i + 1}\n`)
    }
  }
  throw new Error(`unknown mode ${mode}`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
