import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QuireError } from '../../../../src/shared/contract'
import { createDocumentSession } from '../../../../src/renderer/src/documents/documentSession'
import type { SessionView } from '../../../../src/renderer/src/documents/sessionTypes'
import { fakeClock, fakeEditor, fakeHost } from './fakeHost'

function setUp() {
  const host = fakeHost()
  const editor = fakeEditor()
  const views: SessionView[] = []
  const session = createDocumentSession({
    api: host.api,
    editor: editor.port,
    clock: fakeClock,
    onView: (view) => views.push(view),
  })
  const view = (): SessionView => {
    const last = views.at(-1)
    if (!last) throw new Error('no view yet')
    return last
  }
  /** The writer types: the editor's text changes and the session hears of it. */
  const type = (text: string): void => {
    editor.set(editor.text() + text)
    session.changed()
  }
  return { host, editor, session, view, type }
}

const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms)

describe('a document session', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('opens a document without writing anything, however long it stays open', async () => {
    const { host, session, editor, view } = setUp()
    host.files.set('a.md', { text: '# A\n', revision: 'r0' })
    await session.openPath('a.md')
    await wait(10_000)
    expect(editor.text()).toBe('# A\n')
    expect(view().saveState).toBe('saved')
    expect(host.writes()).toEqual([])
  })

  it('backs up at least every second while the writer types without pause, and saves once they stop', async () => {
    const { host, session, type, view } = setUp()
    host.files.set('a.md', { text: '', revision: 'r0' })
    await session.openPath('a.md')
    for (let i = 0; i < 30; i++) {
      type('x')
      await wait(100)
    }
    const backups = host.calls.filter((c) => c.method === 'backupDocument')
    expect(backups.length).toBeGreaterThanOrEqual(3)
    expect(host.calls.some((c) => c.method === 'saveDocument')).toBe(false)
    expect(view().saveState).toBe('unsaved')
    await wait(1_100)
    expect(host.files.get('a.md')?.text).toBe('x'.repeat(30))
    expect(view().saveState).toBe('saved')
    // Saving drops the backup: nothing comes back as recovered next time.
    expect(host.backups.has('a.md')).toBe(false)
  })

  it('saves at once when asked (Mod+S)', async () => {
    const { host, session, type } = setUp()
    host.files.set('a.md', { text: '', revision: 'r0' })
    await session.openPath('a.md')
    type('Hello')
    await session.save()
    expect(host.files.get('a.md')?.text).toBe('Hello')
  })

  it('makes the file on the first keystroke of a blank page, not before', async () => {
    const { host, session, type, view } = setUp()
    await session.openBlank()
    await wait(5_000)
    expect(host.writes()).toEqual([])
    type('# Draft')
    await wait(1_200)
    expect(host.calls.filter((c) => c.method === 'createDocument')).toHaveLength(1)
    expect(view().path).toBe('Untitled 1.md')
    expect(host.files.get('Untitled 1.md')?.text).toBe('# Draft')
  })

  it('reloads silently when the file changes on disk and nothing is typed here', async () => {
    const { host, session, editor, view } = setUp()
    host.files.set('a.md', { text: 'old\n', revision: 'r0' })
    await session.openPath('a.md')
    host.editOnDisk('a.md', 'new from another editor\n')
    await wait(10)
    expect(editor.text()).toBe('new from another editor\n')
    expect(view().saveState).toBe('saved')
    expect(host.writes()).toEqual([])
  })

  it('asks keep mine / take theirs when the file changes under unsaved edits', async () => {
    const { host, session, editor, view, type } = setUp()
    host.files.set('a.md', { text: 'old\n', revision: 'r0' })
    await session.openPath('a.md')
    type('mine')
    host.editOnDisk('a.md', 'theirs\n')
    await wait(2_000)
    expect(view().saveState).toBe('conflict')
    expect(editor.text()).toBe('old\nmine')
    // Nothing was written over the other program's text while the writer decides.
    expect(host.files.get('a.md')?.text).toBe('theirs\n')
    await session.keepMine()
    expect(host.files.get('a.md')?.text).toBe('old\nmine')
    expect(view().saveState).toBe('saved')
  })

  it('takes theirs on request and drops this window’s backup', async () => {
    const { host, session, editor, view, type } = setUp()
    host.files.set('a.md', { text: 'old\n', revision: 'r0' })
    await session.openPath('a.md')
    type('mine')
    host.editOnDisk('a.md', 'theirs\n')
    await wait(900)
    session.takeTheirs()
    await wait(10)
    expect(editor.text()).toBe('theirs\n')
    expect(view().saveState).toBe('saved')
    expect(host.backups.has('a.md')).toBe(false)
  })

  it('turns a stale save into a conflict instead of writing over the disk', async () => {
    const { host, session, view, type } = setUp()
    host.files.set('a.md', { text: 'old\n', revision: 'r0' })
    await session.openPath('a.md')
    // The disk changes without an event reaching this window (a missed watcher event).
    host.files.set('a.md', { text: 'changed quietly\n', revision: 'r-quiet' })
    type('mine')
    await wait(1_200)
    expect(view().saveState).toBe('conflict')
    expect(host.files.get('a.md')?.text).toBe('changed quietly\n')
  })

  it('ignores the change event of its own save', async () => {
    const { host, session, editor, type } = setUp()
    host.files.set('a.md', { text: '', revision: 'r0' })
    await session.openPath('a.md')
    type('abc')
    await wait(1_200)
    type('def')
    await wait(50)
    // A reload would have replaced "abcdef" with the saved "abc".
    expect(editor.text()).toBe('abcdef')
  })

  it('follows its document when it is renamed, and saves under the new name', async () => {
    const { host, session, view, type } = setUp()
    host.files.set('a.md', { text: '', revision: 'r0' })
    await session.openPath('a.md')
    const file = host.files.get('a.md')
    if (!file) throw new Error('no file')
    host.files.set('b.md', file)
    host.files.delete('a.md')
    host.rename('a.md', 'b.md')
    await wait(10)
    expect(view().path).toBe('b.md')
    type('after the rename')
    await session.save()
    expect(host.files.get('b.md')?.text).toBe('after the rename')
    expect(host.files.has('a.md')).toBe(false)
  })

  it('keeps a document deleted behind its back open and dirty; saving writes it again', async () => {
    const { host, session, view, editor } = setUp()
    host.files.set('a.md', { text: 'keep me\n', revision: 'r0' })
    await session.openPath('a.md')
    host.removeOnDisk('a.md')
    await wait(10)
    expect(view().removed).toBe(true)
    expect(view().saveState).toBe('unsaved')
    expect(editor.text()).toBe('keep me\n')
    // The editor holds the only copy now: it goes to a backup, not silently back to disk.
    await wait(1_500)
    expect(host.backups.get('a.md')).toBe('keep me\n')
    expect(host.files.has('a.md')).toBe(false)
    await session.save()
    expect(host.files.get('a.md')?.text).toBe('keep me\n')
    expect(view().saveState).toBe('saved')
  })

  it('shows a recovered backup and writes it only when the writer keeps it', async () => {
    const { host, session, editor, view } = setUp()
    host.files.set('a.md', { text: 'on disk\n', revision: 'r0' })
    host.backups.set('a.md', 'on disk\nand typed before the crash\n')
    await session.openPath('a.md')
    expect(editor.text()).toBe('on disk\nand typed before the crash\n')
    expect(view().saveState).toBe('recovered')
    await wait(5_000)
    expect(host.files.get('a.md')?.text).toBe('on disk\n')
    await session.keepRecovered()
    expect(host.files.get('a.md')?.text).toBe('on disk\nand typed before the crash\n')
    expect(view().saveState).toBe('saved')
  })

  it('goes back to the file when the writer discards a recovered backup', async () => {
    const { host, session, editor, view } = setUp()
    host.files.set('a.md', { text: 'on disk\n', revision: 'r0' })
    host.backups.set('a.md', 'stale backup\n')
    await session.openPath('a.md')
    session.discardRecovered()
    await wait(10)
    expect(editor.text()).toBe('on disk\n')
    expect(view().saveState).toBe('saved')
    expect(host.backups.has('a.md')).toBe(false)
  })

  it('says so when the host refuses a save, and keeps the text and the backup', async () => {
    const { host, session, view, type } = setUp()
    host.files.set('a.md', { text: '', revision: 'r0' })
    await session.openPath('a.md')
    host.refuse(new QuireError('document-too-large', 'This document is too large to save.'))
    type('a lot')
    await wait(1_200)
    expect(view().error?.code).toBe('document-too-large')
    expect(view().saveState).toBe('unsaved')
    expect(host.backups.get('a.md')).toBe('a lot')
    host.refuse(null)
    await session.save()
    expect(view().error).toBeNull()
    expect(host.files.get('a.md')?.text).toBe('a lot')
  })

  it('sends what is unsaved at once when the page is hidden', async () => {
    const { host, session, type } = setUp()
    host.files.set('a.md', { text: '', revision: 'r0' })
    await session.openPath('a.md')
    type('last words')
    await session.flush()
    expect(host.backups.get('a.md') ?? host.files.get('a.md')?.text).toBe('last words')
    expect(host.files.get('a.md')?.text).toBe('last words')
  })

  it('saves the open document before switching to another', async () => {
    const { host, session, type, editor } = setUp()
    host.files.set('a.md', { text: '', revision: 'r0' })
    host.files.set('b.md', { text: 'B\n', revision: 'r0' })
    await session.openPath('a.md')
    type('typed in A')
    await session.openPath('b.md')
    expect(host.files.get('a.md')?.text).toBe('typed in A')
    expect(editor.text()).toBe('B\n')
  })
})
