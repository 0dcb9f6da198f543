import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { fromErrorPayload, QuireError, toErrorPayload } from '@shared/contract'
import { resources } from '../../../../src/renderer/src/i18n'
import { parsePromptFile } from '@shared/prompts/parsePrompt'
import { hostErrorText, problemText } from '../../../../src/renderer/src/i18n/hostText'

async function tIn(lng: 'en' | 'zh') {
  const instance = i18next.createInstance()
  await instance.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } })
  return instance.t
}

describe('host errors in the interface language', () => {
  const refused = new QuireError(
    'model-load-failed',
    'Quire could not reach the server at http://127.0.0.1:9/: nothing is listening there…',
    'server-refused-connection',
    { server: 'http://127.0.0.1:9/' },
  )

  it('words a keyed error in Chinese, with its values, after crossing the wire', async () => {
    const zh = await tIn('zh')
    const rebuilt = fromErrorPayload(JSON.parse(JSON.stringify(toErrorPayload(refused))))
    const text = hostErrorText(zh, rebuilt)
    expect(text).toContain('http://127.0.0.1:9/')
    expect(text).toContain('连不上')
    expect(text).not.toContain('nothing is listening')
  })

  it('words the same error in English from the English locale', async () => {
    expect(hostErrorText(await tIn('en'), refused)).toMatch(/^Quire could not reach the server/)
  })

  it('falls back to the code for a key this build does not know, and to the English only for an unknown code', async () => {
    const zh = await tIn('zh')
    const newer = { code: 'no-model', message: 'Some newer sentence.', key: 'from-the-future' }
    expect(hostErrorText(zh, newer)).toBe('还没有加载模型。')
    expect(hostErrorText(zh, { code: 'brand-new-code', message: 'Newer host words.' })).toBe(
      'Newer host words.',
    )
  })

  it("quotes the server's own words after the sentence", async () => {
    const zh = await tIn('zh')
    const text = hostErrorText(
      zh,
      new QuireError('unauthorized', 'The server … needs an API key', 'server-key-needed', {
        server: 'http://x/',
        status: '401',
        serverSaid: 'invalid token',
      }),
    )
    expect(text).toMatch(/需要 API 密钥.*服务器说：“invalid token”/)
  })

  it('adds the follow-up sentence a download failure names', async () => {
    const zh = await tIn('zh')
    const text = hostErrorText(
      zh,
      new QuireError('model-invalid', 'x.gguf is damaged…', 'model-damaged', {
        name: 'x.gguf',
        what: 'its header cannot be read',
        detail: 'magic',
        andThen: 'download-deleted',
      }),
    )
    expect(text).toBe('x.gguf 已损坏：its header cannot be read（magic）。下载的文件已删除。')
  })

  it('words a prompt file problem in Chinese: the field, the line and what is wrong', async () => {
    const zh = await tIn('zh')
    const parsed = parsePromptFile(
      '---\nid: x\nkind: rewrite\ntitle: 7\n---\n## Role\n',
      'x.md',
      'zh',
    )
    expect(parsed.ok).toBe(false)
    const texts = parsed.ok ? [] : parsed.problems.map((problem) => problemText(zh, problem))
    expect(texts).toContain('第 4 行: title: 这里应填写文字。')
  })
})
