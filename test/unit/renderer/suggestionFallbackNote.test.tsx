import i18next from 'i18next'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { emptyStats, type DoneEvent } from '@shared/contract'
import { AnswerBody } from '../../../src/renderer/src/editor/plugins/Suggestion/AnswerBody'
import type { Alternative } from '../../../src/renderer/src/editor/plugins/Suggestion/alternative'
import type { OpenSuggestion } from '../../../src/renderer/src/editor/plugins/Suggestion/suggestionState'
import en from '../../../src/renderer/src/i18n/locales/en.json'
import zh from '../../../src/renderer/src/i18n/locales/zh.json'

const RAW = "Sure! Here's the rewrite:\n\nThe rain fell."

/** An answer whose request ended with the raw answer because a cleaning step threw. */
const answer = (flags: Partial<DoneEvent['flags']>): Alternative => ({
  phase: 'done',
  requestId: 'r1',
  seed: 1,
  raw: RAW,
  tokens: 9,
  sent: null,
  retrying: false,
  result: {
    type: 'done',
    requestId: 'r1',
    text: RAW,
    raw: RAW,
    changes: [],
    flags: { languageMismatch: false, keptRaw: false, truncated: false, ...flags },
    retried: false,
    stats: emptyStats('eos'),
  },
})

/** The card around that answer. */
const cardFor = (alternative: Alternative): OpenSuggestion => ({
  phase: 'open',
  prompt: { id: 'rewrite.warm', title: 'Warm', kind: 'rewrite', apply: 'replace', postprocess: [] },
  target: { markId: 'mark-1', text: 'Rain.', before: '', after: '' },
  variables: {},
  alternatives: [alternative],
  shown: 0,
  versions: null,
  showRaw: false,
  showDiff: false,
  refused: false,
})

async function render(language: 'en' | 'zh', alternative: Alternative): Promise<string> {
  await i18next.changeLanguage(language)
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18next}>
      <AnswerBody
        card={cardFor(alternative)}
        alternative={alternative}
        shown
        onOpenModels={() => undefined}
      />
    </I18nextProvider>,
  )
}

describe('the card after a cleaning step failed', () => {
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({
      resources: { en: { translation: en }, zh: { translation: zh } },
      lng: 'en',
      interpolation: { escapeValue: false },
    })
  })

  it('shows the model’s own text and says which step failed, in English and Chinese', async () => {
    const english = await render('en', answer({ postprocessFailed: 'replace-phrases' }))
    expect(english).toContain('The rain fell.')
    expect(english).toContain('Quire could not clean this answer (its replace-phrases step failed)')
    const chinese = await render('zh', answer({ postprocessFailed: 'replace-phrases' }))
    expect(chinese).toContain('清理这段回答时出错（replace-phrases 步骤失败）')
  })

  it('says nothing of the kind when cleaning went through', async () => {
    expect(await render('en', answer({}))).not.toContain('could not clean')
  })
})
