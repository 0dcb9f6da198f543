import { describe, expect, it } from 'vitest'
import type { GenerateCall, PromptSummary, QuireApi, QuireEvent } from '@shared/contract'
import { createCompareRequests } from '../../../src/renderer/src/compare/compareRequests'
import { createCompareStore } from '../../../src/renderer/src/compare/compareStore'
import type { OpenComparison } from '../../../src/renderer/src/compare/compareState'

const prompt: PromptSummary = {
  id: 'rewrite.lyrical',
  kind: 'rewrite',
  language: 'zh',
  title: '抒情散文',
  description: '',
  shortcut: null,
  apply: 'replace',
  preset: 'creative',
  persona: 'default',
  postprocess: [],
  variables: [{ name: 'person', label: '人称', default: '第一人称' }],
}
const target = { markId: 'm', text: '她剥豆子。', before: '秋天。', after: '' }
const labels = { a: 'Current', b: 'Wild' }

/** A host that records `generate` and `cancel` calls and serves one prompt file. */
function fakeApi(promptText: () => Promise<string>) {
  const generated: GenerateCall[] = []
  const cancelled: string[] = []
  const listeners = new Set<(event: QuireEvent) => void>()
  const api = {
    generate: async (call: GenerateCall) => {
      generated.push(call)
      return { requestId: call.requestId }
    },
    cancel: async ({ requestId }: { requestId: string }) => {
      cancelled.push(requestId)
      return { cancelled: true }
    },
    getPromptText: async () => ({ text: await promptText() }),
    onEvent: (listener: (event: QuireEvent) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  } as unknown as QuireApi
  return { api, generated, cancelled, emit: (e: QuireEvent) => listeners.forEach((l) => l(e)) }
}

const VERSION = `---
id: rewrite.lyrical-2
kind: rewrite
title: 我的版本
---
## Role
诗人。
## Style
温柔。
## Constraint
- 短。
## Input
{{selection}}
`

describe('Compare’s two requests', () => {
  it('sends the action as it is and with the challenger, same input, in the drawn order', async () => {
    const host = fakeApi(async () => VERSION)
    const store = createCompareStore()
    const requests = createCompareRequests(host.api, store, () => 0.9)
    const challenger = { key: 'preset:wild', kind: 'preset', id: 'wild', title: 'Wild' } as const
    expect(await requests.launch(prompt, target, challenger, labels)).toBe(true)
    const state = store.get() as OpenComparison
    expect(state.shownFirst).toBe('b')
    expect(host.generated.map((call) => call.overrides)).toEqual([{}, { preset: 'wild' }])
    for (const call of host.generated)
      expect(call).toMatchObject({
        selection: '她剥豆子。',
        before: '秋天。',
        variables: { person: '第一人称' },
      })
    // Its events reach the store; another request's do not.
    const stop = requests.listen()
    host.emit({
      type: 'error',
      requestId: state.answers.b.requestId,
      code: 'internal',
      message: 'x',
    })
    host.emit({ type: 'error', requestId: 'other', code: 'internal', message: 'y' })
    expect((store.get() as OpenComparison).answers.b.phase).toBe('error')
    expect((store.get() as OpenComparison).answers.a.phase).toBe('waiting')
    stop()
    // Running again cancels what still runs.
    await requests.launch(prompt, target, challenger, labels)
    expect(host.cancelled).toEqual([state.answers.a.requestId])
  })

  it('runs a prompt version’s text under the action, and fails that side when it cannot be read', async () => {
    const version = {
      key: 'prompt:rewrite.lyrical-2',
      kind: 'prompt',
      id: 'rewrite.lyrical-2',
      title: '我的版本',
    } as const
    const host = fakeApi(async () => VERSION)
    await createCompareRequests(host.api, createCompareStore()).launch(
      prompt,
      target,
      version,
      labels,
    )
    expect(host.generated[1]?.overrides?.template?.body).toContain('## Role\n诗人。')

    const broken = fakeApi(async () => '---\nid: [\n---\n')
    const store = createCompareStore()
    await createCompareRequests(broken.api, store).launch(prompt, target, version, labels)
    expect(broken.generated).toHaveLength(1)
    expect((store.get() as OpenComparison).answers.b.phase).toBe('error')
  })

  it('does not open after the writer closed it while a prompt version was being read', async () => {
    let release: (text: string) => void = () => {}
    const host = fakeApi(() => new Promise((resolve) => (release = resolve)))
    const store = createCompareStore()
    const requests = createCompareRequests(host.api, store)
    const version = {
      key: 'prompt:x',
      kind: 'prompt',
      id: 'rewrite.lyrical-2',
      title: 'v',
    } as const
    const launched = requests.launch(prompt, target, version, labels)
    requests.stop()
    release(VERSION)
    expect(await launched).toBe(false)
    expect(store.get().phase).toBe('idle')
    expect(host.generated).toEqual([])
  })
})
