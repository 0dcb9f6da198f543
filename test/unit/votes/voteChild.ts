// A child process that appends votes to a votes log, for the tests that prove appends from
// several processes at once never mix, and that a SIGKILL mid-append loses no acknowledged vote.
//   append FILE COUNT TAG   appends COUNT votes, printing "OK <voteId>" once each is on disk
//   forever FILE TAG        the same without end, until its parent kills it
import { VoteLog } from '@core/votes/voteLog'
import { configuration, vote } from './sampleVotes'

const [mode, file, countOrTag, tagArgument] = process.argv.slice(2)

async function main(): Promise<void> {
  if (!file) throw new Error('usage: voteChild append|forever FILE …')
  const log = new VoteLog(file, { staleLockMs: 2_000 })
  const count = mode === 'append' ? Number(countOrTag) : Infinity
  const tag = mode === 'append' ? tagArgument : countOrTag
  // A longer input makes each line a few kilobytes, so a kill can land inside a write.
  const persona = `persona-${tag ?? 'x'}-${'x'.repeat(4_000)}`
  for (let i = 0; i < count; i++) {
    const next = vote(configuration(0.5 + (i % 10) / 10, persona), configuration(1), 'a')
    await log.append(next)
    process.stdout.write(`OK ${next.voteId}\n`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
