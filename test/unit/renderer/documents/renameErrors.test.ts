import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { fromErrorPayload, toErrorPayload } from '@shared/contract'
import { checkDocumentName, documentNameError } from '@shared/documents'
import { resources } from '../../../../src/renderer/src/i18n'
import { errorText } from '../../../../src/renderer/src/documents/errorText'

async function tIn(lng: 'en' | 'zh') {
  const instance = i18next.createInstance()
  await instance.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } })
  return instance.t
}

const BAD_NAMES = ['a/b', '   ', '.hidden', 'a:b', 'con', 'x'.repeat(300)]

/** The refusal the host sends for `name`, as it arrives over the wire. */
function refusal(name: string) {
  const checked = checkDocumentName(name)
  if (checked.ok) throw new Error(`"${name}" was accepted`)
  return fromErrorPayload(JSON.parse(JSON.stringify(toErrorPayload(documentNameError(checked)))))
}

describe('a refused document name, in the writer language', () => {
  it('says why in Chinese, without an English sentence, and without saying it twice', async () => {
    const zh = await tIn('zh')
    for (const name of BAD_NAMES) {
      const text = errorText(zh, refusal(name))
      expect(text, name).toMatch(/[\u4e00-\u9fff]/)
      expect(text, name).not.toMatch(/[A-Za-z]{4,}/)
      expect(text.match(/不能用/g) ?? [], name).toHaveLength(1)
    }
  })

  it('tells the reasons apart in English', async () => {
    const en = await tIn('en')
    const texts = new Set(BAD_NAMES.map((name) => errorText(en, refusal(name))))
    // A slash, empty, a leading dot, a forbidden character (and a reserved name), too long.
    expect(texts.size).toBe(5)
    expect(errorText(en, refusal('a/b'))).toContain('/')
    expect(errorText(en, refusal('x'.repeat(300)))).toMatch(/too long/)
  })
})
