import { z } from 'zod'
import { resolvedConfigurationSchema } from '../compare/configuration'
import { pairStatsSchema } from '../compare/pairStats'
import { voteFilterSchema, voteRequestSchema, voteSchema } from '../compare/vote'

/** The Compare part of the contract: blind A/B votes, their stats, export, adopting a winner. */
export const voteMethods = {
  /** Stores a vote (the same `voteId` again replaces it); the host adds fingerprints and the time. */
  recordVote: { input: voteRequestSchema, output: voteSchema },
  listVotes: { input: voteFilterSchema, output: z.array(voteSchema) },
  /** Per pair of configurations: wins, losses, ties, both bad, win rate with a 95% Wilson interval. */
  voteStats: { input: voteFilterSchema, output: z.array(pairStatsSchema) },
  exportVotes: {
    input: voteFilterSchema.extend({ table: z.enum(['votes', 'pairs']) }),
    output: z.object({ fileName: z.string(), csv: z.string() }),
  },
  /** Makes a configuration the default of its action (written into the writer's copy of the prompt). */
  adoptConfiguration: {
    input: z.object({ configuration: resolvedConfigurationSchema }),
    output: z.object({ promptId: z.string(), language: z.enum(['zh', 'en']), file: z.string() }),
  },
} as const
