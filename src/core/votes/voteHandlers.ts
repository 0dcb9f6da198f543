import type { ContractHandlers } from '@shared/contract'
import type { LibraryStore } from '../library/libraryStore'
import { adoptConfiguration } from './adoptConfiguration'
import type { VoteStore } from './voteStore'

type VoteHandlers = Pick<
  ContractHandlers,
  'recordVote' | 'listVotes' | 'voteStats' | 'exportVotes' | 'adoptConfiguration'
>

/** Compare's votes as the contract serves them. */
export function createVoteHandlers(votes: VoteStore, library: LibraryStore): VoteHandlers {
  return {
    recordVote: (request) => votes.record(request),
    listVotes: (filter) => votes.list(filter),
    voteStats: (filter) => votes.stats(filter),
    exportVotes: ({ table, ...filter }) => votes.exportCsv(filter, table),
    adoptConfiguration: ({ configuration }) => adoptConfiguration(library, configuration),
  }
}
