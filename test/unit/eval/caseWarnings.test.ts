import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { evalSuiteSchema } from '@shared/eval'
import { loadLibrary } from '@core/library/loadLibrary'
import { casesWithUnusedBefore } from '@core/eval/caseWarnings'
import { RESOURCES_DIR } from '../library/tempLibrary'

const library = await loadLibrary({ resourcesDir: RESOURCES_DIR })
const bundled = evalSuiteSchema.parse(
  JSON.parse(readFileSync(`${RESOURCES_DIR}/eval/subjective.json`, 'utf8')),
)

describe('cases whose text before the selection would not be sent', () => {
  it('names the bundled warm replies, whose prompt has no {{before}}, and not the continuations', () => {
    expect(casesWithUnusedBefore(library, bundled, [{ overrides: {} }])).toEqual([
      { caseId: 'warm-reply-zh', prompt: 'rewrite.warm' },
      { caseId: 'warm-reply-en', prompt: 'rewrite.warm' },
    ])
  })

  it('is quiet when a configuration’s template uses the text before the selection', () => {
    const template = { body: 'Earlier: {{before}}\n\nRewrite warmly: {{selection}}' }
    const configurations = [{ overrides: {} }, { overrides: { template } }]
    expect(casesWithUnusedBefore(library, bundled, configurations)).toEqual([])
  })
})
