import { describe, expect, it } from 'vitest'
import { BatchDispatcher, type DispatchClock } from '@core/engine/worker/batchDispatcher'

/** A clock whose microtasks and loop turns run when the test says. */
function manualClock() {
  const soon: (() => void)[] = []
  const turns: (() => void)[] = []
  const clock: DispatchClock = {
    soon: (callback) => soon.push(callback),
    nextTurn: (callback) => turns.push(callback),
  }
  const drain = (queue: (() => void)[]) => {
    for (const callback of queue.splice(0)) callback()
  }
  return { clock, runMicrotasks: () => drain(soon), turnLoop: () => drain(turns) }
}

const meter = () => ({ usedInputTokens: 0, usedOutputTokens: 0 })

describe('BatchDispatcher', () => {
  it('sends a lone run’s batch before the event loop turns, and waits a turn when two runs can share one', () => {
    const { clock, runMicrotasks, turnLoop } = manualClock()
    const dispatcher = new BatchDispatcher(clock)
    const sent: string[] = []
    const leaveFirst = dispatcher.enter()
    dispatcher.schedule(() => sent.push('alone'))
    runMicrotasks()
    expect(sent).toEqual(['alone'])

    const leaveSecond = dispatcher.enter()
    dispatcher.schedule(() => sent.push('shared'))
    runMicrotasks()
    expect(sent).toEqual(['alone'])
    turnLoop()
    expect(sent).toEqual(['alone', 'shared'])

    leaveSecond()
    leaveSecond()
    dispatcher.schedule(() => sent.push('alone again'))
    runMicrotasks()
    expect(sent).toEqual(['alone', 'shared', 'alone again'])
    leaveFirst()
  })

  it('announces a run once llama.cpp has been handed its tokens, the turn after that batch', () => {
    const { clock, runMicrotasks, turnLoop } = manualClock()
    const dispatcher = new BatchDispatcher(clock)
    const ours = meter()
    const theirs = meter()
    const said: string[] = []
    dispatcher.announce(ours, () => said.push('started'))

    // Another sequence's batch: not this run's prompt.
    dispatcher.schedule(() => (theirs.usedOutputTokens += 1))
    runMicrotasks()
    turnLoop()
    expect(said).toEqual([])

    // This run's prompt goes to llama.cpp: `started` follows once the loop turns, not before.
    dispatcher.schedule(() => (ours.usedInputTokens += 40))
    runMicrotasks()
    expect(said).toEqual([])
    turnLoop()
    expect(said).toEqual(['started'])

    dispatcher.schedule(() => (ours.usedOutputTokens += 1))
    runMicrotasks()
    turnLoop()
    expect(said).toEqual(['started'])
  })

  it('announces before anything else the run says when no batch showed it first, and only once', () => {
    const { clock, runMicrotasks, turnLoop } = manualClock()
    const dispatcher = new BatchDispatcher(clock)
    const ours = meter()
    const said: string[] = []
    const announce = dispatcher.announce(ours, () => said.push('started'))
    // The first text arrives before the turn after the prompt's batch (a tiny prompt).
    dispatcher.schedule(() => (ours.usedInputTokens += 3))
    runMicrotasks()
    announce()
    said.push('delta')
    turnLoop()
    announce()
    expect(said).toEqual(['started', 'delta'])
  })
})
