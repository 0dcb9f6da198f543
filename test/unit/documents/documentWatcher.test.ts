import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { QuireEvent } from '@shared/contract'
import { DocumentWatcher } from '@core/documents/documentWatcher'
import { ExpectedRemovals } from '@core/documents/expectedRemovals'
import { tempStore } from './tempStore'

const watchers: DocumentWatcher[] = []
afterEach(async () => {
  for (const watcher of watchers.splice(0)) await watcher.stop()
})

async function watched() {
  const context = await tempStore()
  const watcher = new DocumentWatcher(context.store, (event) => void context.events.push(event))
  watchers.push(watcher)
  await watcher.start()
  return context
}

/** Waits until an event matching `match` has arrived. */
async function eventually(
  events: QuireEvent[],
  match: (event: QuireEvent) => boolean,
): Promise<QuireEvent> {
  for (let waited = 0; waited < 5_000; waited += 25) {
    const found = events.find(match)
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`no matching event; got ${JSON.stringify(events)}`)
}

describe('DocumentWatcher', () => {
  it('reports an edit by another program with the new revision, and not Quire’s own saves', async () => {
    const { store, folder, events } = await watched()
    await writeFile(join(folder, 'a.md'), 'one')
    const opened = await store.open('a.md')
    const saved = await store.save({ path: 'a.md', text: 'two', baseRevision: opened.revision })
    if (!saved.ok) throw new Error('expected a save')

    await writeFile(join(folder, 'a.md'), 'three, from another editor')
    const changed = await eventually(
      events,
      (e) => e.type === 'document-changed' && e.origin === 'disk',
    )
    // The revision in the event is the one a save must name to write over it.
    const conflict = await store.save({ path: 'a.md', text: 'x', baseRevision: saved.revision })
    expect(conflict).toMatchObject({ ok: false })
    expect(changed).toEqual({
      type: 'document-changed',
      path: 'a.md',
      revision: conflict.revision,
      origin: 'disk',
    })
    // Quire's own save was announced once, as a save, never as a change on disk.
    const fromDisk = events.filter((e) => e.type === 'document-changed' && e.origin === 'disk')
    expect(fromDisk).toHaveLength(1)
  })

  it('reports a document deleted or added behind Quire’s back', async () => {
    const { folder, events } = await watched()
    await writeFile(join(folder, 'new.md'), 'hello')
    await eventually(events, (e) => e.type === 'documents-changed')
    events.length = 0
    await rm(join(folder, 'new.md'))
    await eventually(events, (e) => e.type === 'document-removed' && e.path === 'new.md')
    await eventually(events, (e) => e.type === 'documents-changed')
  })

  it('stays quiet about Quire’s own create, rename and delete', async () => {
    const { store, events } = await watched()
    const created = await store.create()
    const saved = await store.save({
      path: created.path,
      text: '# Named\n',
      baseRevision: created.revision,
    })
    if (!saved.ok) throw new Error('expected a save')
    await store.rename(saved.path, 'Renamed')
    await store.delete('Renamed.md')
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(events.filter((e) => e.type === 'document-changed' && e.origin === 'disk')).toEqual([])
    // Only the delete itself says the document was removed.
    expect(events.filter((e) => e.type === 'document-removed')).toEqual([
      { type: 'document-removed', path: 'Renamed.md' },
    ])
  })
})

describe('ExpectedRemovals', () => {
  it('explains one removal of a file Quire removed just now, and none later', () => {
    let now = 0
    const removals = new ExpectedRemovals(() => now)
    removals.add('/docs/a.md')
    expect(removals.take('/docs/a.md')).toBe(true)
    // A second removal of the same file (another program, later) is news again.
    expect(removals.take('/docs/a.md')).toBe(false)
    removals.add('/docs/b.md')
    now += 60_000
    expect(removals.take('/docs/b.md')).toBe(false)
  })
})
