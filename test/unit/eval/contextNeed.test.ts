import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { evalSuiteSchema } from '@shared/eval'
import { loadLibrary } from '@core/library/loadLibrary'
import { previewPrompt } from '@core/library/previewPrompt'
import {
  DEFAULT_EVAL_CONTEXT,
  evalContextSize,
  suiteContextNeed,
  tokenBound,
} from '@core/eval/contextNeed'
import { RESOURCES_DIR } from '../library/tempLibrary'

const library = await loadLibrary({ resourcesDir: RESOURCES_DIR })
const bundled = evalSuiteSchema.parse(
  JSON.parse(readFileSync(`${RESOURCES_DIR}/eval/subjective.json`, 'utf8')),
)
const prompt = [{ overrides: {} }]

describe('the context quire eval asks for', () => {
  it('bounds tokens by UTF-8 bytes: a Chinese character at most 3', () => {
    expect(tokenBound('秋夜')).toBe(6)
    expect(tokenBound('rain')).toBe(4)
  })

  it('holds the longest case whole: system and user message, retry instruction and answer budget', () => {
    const story = bundled.cases.find((c) => c.id === 'story-zh')!
    const suite = { ...bundled, cases: [story] }
    const preview = previewPrompt(library, {
      promptId: story.prompt,
      selection: story.selection,
      before: story.before,
      language: 'zh',
    })
    const need = suiteContextNeed(library, suite, prompt, undefined)
    // More than the messages' bytes plus the prompt's own budget (320 tokens) …
    const messages = tokenBound(preview.system) + tokenBound(preview.user)
    expect(need).toBeGreaterThan(messages + 320)
    // … and it follows --max-tokens.
    expect(suiteContextNeed(library, suite, prompt, 40)).toBe(need - 320 + 40)
  })

  it('grows with a case’s input instead of shortening it, and never goes below the default', () => {
    const long = {
      ...bundled,
      cases: [{ ...bundled.cases[0]!, selection: '春天的下午。'.repeat(1000) }],
    }
    const need = suiteContextNeed(library, long, prompt, undefined)
    expect(need).toBeGreaterThan(18_000)
    expect(evalContextSize(need)).toBe(need)
    expect(evalContextSize(suiteContextNeed(library, bundled, prompt, 40))).toBe(
      DEFAULT_EVAL_CONTEXT,
    )
  })

  it('counts the configuration that asks for the most (a preset with a larger budget)', () => {
    const withPreset = suiteContextNeed(
      library,
      bundled,
      [{ overrides: { sampling: { maxTokens: 2000 } } }],
      undefined,
    )
    expect(withPreset).toBeGreaterThan(suiteContextNeed(library, bundled, prompt, undefined) + 1500)
  })
})
