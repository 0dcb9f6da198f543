import i18next from 'i18next'
import { Window } from 'happy-dom'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { emptyStats, type DoneEvent } from '@shared/contract'
import { SuggestionCard } from '../../../src/renderer/src/editor/plugins/Suggestion/SuggestionCard'
import {
  idleSuggestion,
  suggestionReducer,
  type OpenSuggestion,
  type SuggestionAction,
  type SuggestionState,
} from '../../../src/renderer/src/editor/plugins/Suggestion/suggestionState'
import en from '../../../src/renderer/src/i18n/locales/en.json'
import zh from '../../../src/renderer/src/i18n/locales/zh.json'

const ANSWER = 'The rain fell softly on the tin roof.'

const done = (text: string, stopReason: 'eos' | 'abort' = 'eos'): DoneEvent => ({
  type: 'done',
  requestId: 'r1',
  text,
  raw: text,
  changes: [],
  flags: { languageMismatch: false, keptRaw: false, truncated: false },
  retried: false,
  stats: emptyStats(stopReason),
})

/** The card's state after these actions, from a rewrite of "Rain." just opened. */
function cardAfter(...actions: SuggestionAction[]): OpenSuggestion {
  const opened = suggestionReducer(idleSuggestion, {
    type: 'open',
    requests: [{ requestId: 'r1', seed: 1 }],
    prompt: {
      id: 'rewrite.warm',
      title: 'Warm',
      kind: 'rewrite',
      apply: 'replace',
      postprocess: [],
    },
    target: { markId: 'mark-1', text: 'Rain.', before: '', after: '' },
    variables: {},
  })
  const state = actions.reduce<SuggestionState>(suggestionReducer, opened)
  if (state.phase !== 'open') throw new Error('the card closed')
  return state
}

/** Streams `text` the way the host sends it: a few tokens at a time. */
const streamed = (text: string): SuggestionAction[] =>
  text.split(' ').map((_word, index, words) => ({
    type: 'deltas',
    requestId: 'r1',
    text: (index > 0 ? ' ' : '') + words[index],
    tokens: index + 1,
  }))

/** What assistive technology hears from the card: the text of each live region and alert. */
async function liveRegions(language: 'en' | 'zh', card: OpenSuggestion) {
  await i18next.changeLanguage(language)
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18next}>
      <SuggestionCard
        state={card}
        loadProgress={null}
        defaultVersions={2}
        isMac={false}
        ref={null}
        onAccept={() => {}}
        onReject={() => {}}
        onStop={() => {}}
        onRetry={() => {}}
        onVersions={() => {}}
        onShow={() => {}}
        onStep={() => {}}
        onToggleRaw={() => {}}
        onToggleDiff={() => {}}
        onOpenModels={() => {}}
      />
    </I18nextProvider>,
  )
  const document = new Window().document
  document.body.innerHTML = html
  const live = [
    ...document.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"]'),
  ]
  return {
    spoken: live.map((node) => node.textContent ?? ''),
    announce: document.querySelector('[data-testid="suggestion-announce"]')?.textContent ?? null,
    shown: document.querySelector('[data-testid="suggestion-text"]')?.textContent ?? '',
  }
}

describe('what the suggestion card announces', () => {
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({
      resources: { en: { translation: en }, zh: { translation: zh } },
      lng: 'en',
      interpolation: { escapeValue: false },
    })
  })

  it('says nothing while the answer streams: neither its words nor the token count', async () => {
    const steps = streamed(ANSWER)
    for (let i = 1; i <= steps.length; i++) {
      const regions = await liveRegions('en', cardAfter(...steps.slice(0, i)))
      // The words are on the card for sighted writers…
      expect(regions.shown.length).toBeGreaterThan(0)
      // …but no live region repeats them or the count as they grow.
      expect(regions.announce).toBe('')
      expect(regions.spoken.join('')).toBe('')
    }
  })

  it('announces the finished answer once, in the UI language', async () => {
    const finished = cardAfter(...streamed(ANSWER), { type: 'event', event: done(ANSWER) })
    const english = await liveRegions('en', finished)
    expect(english.announce).toBe(`Answer ready: ${ANSWER}`)
    // The one live region with words in it is the announcement.
    expect(english.spoken.filter((text) => text !== '')).toEqual([english.announce])
    const chinese = await liveRegions('zh', finished)
    expect(chinese.announce).toBe(`回答已写好：${ANSWER}`)
  })

  it('says a stopped answer was stopped, and an error once as an alert', async () => {
    const stopped = cardAfter(...streamed('Half an'), {
      type: 'event',
      event: done('Half an', 'abort'),
    })
    expect((await liveRegions('en', stopped)).announce).toBe('Stopped. The answer so far: Half an')
    const failed = cardAfter(...streamed('Half'), {
      type: 'failed',
      requestId: 'r1',
      code: 'generation-failed',
      message: 'The engine stopped.',
    })
    const regions = await liveRegions('en', failed)
    expect(regions.announce).toBe('')
    expect(regions.spoken.filter((text) => text !== '')).toHaveLength(1)
  })
})
