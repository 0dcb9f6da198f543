import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { documentArguments } from '../../../src/main/documents/fileArguments'
import { RecentDocuments } from '../../../src/main/documents/recentDocuments'
import { menuLabels } from '../../../src/main/menuLabels'

describe('the desktop app’s recent files', () => {
  it('keeps the last ten, newest first, without repeats, across launches', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quire-recent-'))
    const recent = new RecentDocuments(dir)
    expect(await recent.load()).toEqual([])
    for (let i = 1; i <= 12; i++) await recent.add(`/notes/${i}.md`)
    await recent.add('/notes/5.md')
    const again = await new RecentDocuments(dir).load()
    expect(again).toHaveLength(10)
    expect(again.slice(0, 3)).toEqual(['/notes/5.md', '/notes/12.md', '/notes/11.md'])
    expect(again.filter((f) => f === '/notes/5.md')).toHaveLength(1)
  })

  it('starts a new list when the saved one cannot be read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quire-recent-'))
    await writeFile(join(dir, 'recent-documents.json'), '{not json')
    expect(await new RecentDocuments(dir).load()).toEqual([])
  })

  it('opens only document files named on the command line', () => {
    expect(
      documentArguments(['--model', 'x.gguf', '/home/a/draft.md', 'notes.TXT', 'pic.png']),
    ).toEqual(['/home/a/draft.md', 'notes.TXT'])
  })

  it('labels the File menu in Chinese for a Chinese locale', () => {
    expect(menuLabels('zh-CN').openRecent).toBe('最近打开')
    expect(menuLabels('en-GB').openRecent).toBe('Open Recent')
  })
})
