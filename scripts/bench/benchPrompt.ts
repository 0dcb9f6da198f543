import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The bench's own action: a rewrite with post-processing but no length budget, so it never stops early. */
export const BENCH_PROMPT_ID = 'bench.stream'

/** The keys that run it in the editor (Mod is Ctrl here); Mod+Alt+B is Compare's. */
export const BENCH_SHORTCUT = 'Mod+Alt+G'

const PROMPT = `---
id: ${BENCH_PROMPT_ID}
kind: transform
title: Bench stream
description: Streams as many tokens as the request asks for (npm run bench).
preset: balanced
maxTokens: 2000
apply: replace
postprocess: [strip-think, strip-preamble, dedupe-sentences, collapse-repeats, normalize-punctuation]
persona: default
shortcut: ${BENCH_SHORTCUT}
---
## Role
You are a writer who keeps going.

## Style
Continue the passage below at length, in the same voice.

## Constraint
- Output only the passage.

## Input
{{selection}}
`

/** A short version (8 tokens, Mod+Alt+J) for the 500 suggestions of the renderer memory run. */
export const SHORT_PROMPT_ID = 'bench.short'
const SHORT_PROMPT = PROMPT.replace(`id: ${BENCH_PROMPT_ID}`, `id: ${SHORT_PROMPT_ID}`)
  .replace('maxTokens: 2000', 'maxTokens: 8')
  .replace(`shortcut: ${BENCH_SHORTCUT}`, 'shortcut: Mod+Alt+J')

/** Puts the bench actions in a data folder's user library (both languages, so no warning). */
export function installBenchPrompt(dataDir: string): void {
  for (const language of ['en', 'zh']) {
    const folder = join(dataDir, 'prompts', language)
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, `${BENCH_PROMPT_ID}.md`), PROMPT)
    writeFileSync(join(folder, `${SHORT_PROMPT_ID}.md`), SHORT_PROMPT)
  }
}
