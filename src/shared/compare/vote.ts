import { z } from 'zod'
import { resolvedConfigurationSchema } from './configuration'

/** The writer's verdict on two answers: configuration a's, b's, a tie, or neither good. */
export const voteChoiceSchema = z.enum(['a', 'b', 'tie', 'both-bad'])
export type VoteChoice = z.infer<typeof voteChoiceSchema>

/** One side of a comparison: the configuration that ran, named by its fingerprint. */
export const votedConfigurationSchema = z
  .object({ fingerprint: z.string().min(1).max(64), configuration: resolvedConfigurationSchema })
  .strict()

/**
 * `recordVote`: a vote as the client sends it. The id is the client's (a UUID per comparison),
 * so voting again on the same comparison replaces the vote. `a` is the configuration the writer
 * started from, `b` the one tried against it; `shownFirst` is which of them was on the left.
 */
export const voteRequestSchema = z
  .object({
    voteId: z.uuid('The vote id must be a UUID.'),
    action: z.string().min(1).max(200),
    language: z.enum(['zh', 'en']),
    /** Characters in the selection both answers were written from. */
    inputChars: z.number().int().nonnegative().max(1_000_000),
    a: resolvedConfigurationSchema,
    b: resolvedConfigurationSchema,
    choice: voteChoiceSchema,
    shownFirst: z.enum(['a', 'b']),
  })
  .strict()
export type VoteRequest = z.input<typeof voteRequestSchema>

/** A stored vote: the request with both fingerprints (computed by the host) and the time. */
export const voteSchema = z
  .object({
    voteId: z.string(),
    /** ISO 8601, when the vote was cast. */
    at: z.string(),
    action: z.string(),
    language: z.enum(['zh', 'en']),
    inputChars: z.number().int().nonnegative(),
    a: votedConfigurationSchema,
    b: votedConfigurationSchema,
    choice: voteChoiceSchema,
    shownFirst: z.enum(['a', 'b']),
  })
  .strict()
export type Vote = z.infer<typeof voteSchema>

/** `listVotes`, `voteStats`, `exportVotes`: optionally one action's votes only. */
export const voteFilterSchema = z.object({ action: z.string().min(1).max(200).optional() }).strict()
export type VoteFilter = z.infer<typeof voteFilterSchema>
