import { describe, expect, it } from 'vitest'
import { loadLibrary } from '@core/library/loadLibrary'
import { previewPrompt } from '@core/library/previewPrompt'
import { findPreset } from '@core/library/promptLibrary'
import { runPipeline, stepRegistry, stepSpecProblem, toStepCall } from '@shared/postprocess'
import { detectLanguage } from '@shared/text/script'
import { RESOURCES_DIR } from './tempLibrary'

const library = await loadLibrary({ resourcesDir: RESOURCES_DIR })

const samples = {
  zh: { selection: '秋天的风吹过老街，我想起了外婆。', before: '那年我十岁，住在外婆家。' },
  en: {
    selection: 'The wind moved along the old street, and I thought of my grandmother.',
    before: 'I was ten that year, living at my grandmother’s house.',
  },
} as const

describe('every bundled prompt, rendered in its language with a sample selection', () => {
  const cases = library.prompts.map((p) => [`${p.language} ${p.id}`, p] as const)

  it.each(cases)('%s', (_name, prompt) => {
    const sample = samples[prompt.language]
    const preview = previewPrompt(library, {
      promptId: prompt.id,
      selection: sample.selection,
      before: sample.before,
      language: prompt.language,
    })
    // The writer's text reaches the model, and every template tag was filled in.
    expect(preview.promptLanguage).toBe(prompt.language)
    expect(preview.user).toContain(sample.selection)
    expect(preview.user).not.toMatch(/\{\{|\}\}/)
    // Role + Style + Constraint: who writes, how it sounds, what limits hold.
    for (const section of ['## Role', '## Style', '## Constraint'])
      expect(preview.user).toContain(section)
    // The message is in the prompt's language, so the model answers in it.
    expect(detectLanguage(preview.user)).toBe(prompt.language)

    // The persona in the same language is the system message.
    const persona = library.personas.find(
      (p) => p.id === prompt.persona && p.language === prompt.language,
    )
    expect(persona).toBeDefined()
    expect(preview.system).toBe(persona?.text)

    // The preset resolves, with the prompt's own overrides and token budget on top.
    const preset = findPreset(library, prompt.preset)
    expect(preview.sampling).toMatchObject({
      ...prompt.sampling,
      maxTokens: prompt.maxTokens ?? preset.maxTokens,
      temperature: prompt.sampling?.temperature ?? preset.temperature,
    })

    // Each post-processing step is one the pipeline knows, and the list runs.
    for (const step of preview.postprocess) {
      expect(stepSpecProblem(step)).toBeNull()
      expect(stepRegistry[toStepCall(step).id]).toBeTypeOf('function')
    }
    const cleaned = runPipeline(`${sample.selection}\n`, preview.postprocess, {
      language: prompt.language,
    })
    expect(cleaned.text.trim().length).toBeGreaterThan(0)
  })

  it('has each id in both languages, acting the same way in each', () => {
    const byId = new Map<string, typeof library.prompts>()
    for (const p of library.prompts) byId.set(p.id, [...(byId.get(p.id) ?? []), p])
    for (const [id, versions] of byId) {
      expect(versions.map((v) => v.language).sort(), id).toEqual(['en', 'zh'])
      const [a, b] = versions
      expect({ id, kind: a?.kind, apply: a?.apply, shortcut: a?.shortcut }).toEqual({
        id,
        kind: b?.kind,
        apply: b?.apply,
        shortcut: b?.shortcut,
      })
    }
  })
})
