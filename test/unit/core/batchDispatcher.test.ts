import { describe, expect, it } from 'vitest'
import { BatchDispatcher } from '@core/engine/worker/batchDispatcher'

/** A loop whose turns run when the test says. */
function manualLoop() {
  const turns: (() => void)[] = []
  return {
    nextTurn: (callback: () => void) => turns.push(callback),
    turn: () => {
      for (const callback of turns.splice(0)) callback()
    },
  }
}

const meter = () => ({ usedInputTokens: 0, usedOutputTokens: 0 })

describe('BatchDispatcher', () => {
  it('sends a batch once the loop turns, as node-llama-cpp does, so sequences share it', () => {
    const loop = manualLoop()
    const dispatcher = new BatchDispatcher(loop.nextTurn)
    const sent: string[] = []
    dispatcher.schedule(() => sent.push('batch'))
    expect(sent).toEqual([])
    loop.turn()
    expect(sent).toEqual(['batch'])
  })

  it('announces a run the turn after a batch handed llama.cpp its tokens, not for other batches', () => {
    const loop = manualLoop()
    const dispatcher = new BatchDispatcher(loop.nextTurn)
    const ours = meter()
    const theirs = meter()
    const said: string[] = []
    dispatcher.announce(ours, () => said.push('started'))

    // Another sequence's batch: not this run's prompt.
    dispatcher.schedule(() => (theirs.usedOutputTokens += 1))
    loop.turn()
    loop.turn()
    expect(said).toEqual([])

    // This run's prompt goes to llama.cpp: `started` follows the turn after, not before.
    dispatcher.schedule(() => (ours.usedInputTokens += 40))
    loop.turn()
    expect(said).toEqual([])
    loop.turn()
    expect(said).toEqual(['started'])

    dispatcher.schedule(() => (ours.usedOutputTokens += 1))
    loop.turn()
    loop.turn()
    expect(said).toEqual(['started'])
  })

  it('announces before anything else the run says when no batch showed it first, and only once', () => {
    const loop = manualLoop()
    const dispatcher = new BatchDispatcher(loop.nextTurn)
    const ours = meter()
    const said: string[] = []
    const announce = dispatcher.announce(ours, () => said.push('started'))
    // The first text comes before the turn after the prompt's batch (a tiny prompt, say).
    dispatcher.schedule(() => (ours.usedInputTokens += 3))
    loop.turn()
    announce()
    said.push('delta')
    loop.turn()
    announce()
    expect(said).toEqual(['started', 'delta'])
  })
})
