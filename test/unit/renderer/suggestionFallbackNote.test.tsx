import i18next from 'i18next'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { emptyStats, type DoneEvent } from '@shared/contract'
import { SuggestionCard } from '../../../src/renderer/src/editor/plugins/Suggestion/SuggestionCard'
import type { ActiveSuggestion } from '../../../src/renderer/src/editor/plugins/Suggestion/suggestionState'
import en from '../../../src/renderer/src/i18n/locales/en.json'
import zh from '../../../src/renderer/src/i18n/locales/zh.json'

const RAW = "Sure! Here's the rewrite:\n\nThe rain fell."

/** A card whose request ended with the raw answer because a cleaning step threw. */
const card = (flags: Partial<DoneEvent['flags']>): ActiveSuggestion => ({
  phase: 'done',
  requestId: 'r1',
  prompt: { id: 'rewrite.warm', title: 'Warm', kind: 'rewrite', apply: 'replace', postprocess: [] },
  target: { markId: 'mark-1', text: 'Rain.', before: '', after: '' },
  variables: {},
  raw: RAW,
  tokens: 9,
  sent: null,
  retrying: false,
  showRaw: false,
  refused: false,
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

async function render(language: 'en' | 'zh', state: ActiveSuggestion): Promise<string> {
  await i18next.changeLanguage(language)
  const noop = () => undefined
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18next}>
      <SuggestionCard
        state={state}
        loadProgress={null}
        ref={null}
        onAccept={noop}
        onReject={noop}
        onStop={noop}
        onRetry={noop}
        onToggleRaw={noop}
        onOpenModels={noop}
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
    const english = await render('en', card({ postprocessFailed: 'replace-phrases' }))
    expect(english).toContain('The rain fell.')
    expect(english).toContain('Quire could not clean this answer (its replace-phrases step failed)')
    const chinese = await render('zh', card({ postprocessFailed: 'replace-phrases' }))
    expect(chinese).toContain('清理这段回答时出错（replace-phrases 步骤失败）')
  })

  it('says nothing of the kind when cleaning went through', async () => {
    expect(await render('en', card({}))).not.toContain('could not clean')
  })
})
