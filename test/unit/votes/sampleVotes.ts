import { randomUUID } from 'node:crypto'
import type { ResolvedConfiguration } from '@shared/compare/configuration'
import { fingerprint } from '@shared/compare/fingerprint'
import type { Vote, VoteChoice } from '@shared/compare/vote'

/** A configuration as `started` reports it, with a temperature of choice. */
export function configuration(temperature: number, persona = 'default'): ResolvedConfiguration {
  return {
    promptId: 'rewrite.lyrical',
    language: 'zh',
    promptVersion: '0123456789ab',
    preset: 'creative',
    sampling: {
      temperature,
      topP: 0.92,
      topK: 50,
      minP: 0,
      repeatPenalty: 1.15,
      frequencyPenalty: 0,
      presencePenalty: 0,
      dryStrength: 0,
      maxTokens: 384,
    },
    persona,
    personaVersion: 'ba9876543210',
    lora: [],
    model: 'tiny',
    backend: 'local',
  }
}

/** A stored vote between two configurations. */
export function vote(
  a: ResolvedConfiguration,
  b: ResolvedConfiguration,
  choice: VoteChoice,
  at = new Date().toISOString(),
  voteId: string = randomUUID(),
): Vote {
  return {
    voteId,
    at,
    action: a.promptId,
    language: a.language,
    inputChars: 120,
    a: { fingerprint: fingerprint(a), configuration: a },
    b: { fingerprint: fingerprint(b), configuration: b },
    choice,
    shownFirst: 'b',
  }
}
