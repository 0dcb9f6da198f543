// Section 5: resident memory of the host (`quire serve`) and the engine process, idle and after
// 500 actions. Growth is counted from a warm state (after the first 50 actions), since the first
// actions fill caches that stay: that is use, not a leak. Each sample follows a full garbage
// collection in both processes (through their inspectors): without it RSS swung ±10% from run to
// run with when V8 last chose to collect. The engine's memory goes on climbing for a few hundred
// actions more as glibc's per-thread malloc arenas fill (its V8 heap stays flat), so the next
// 500 actions are measured too: a leak grows alike in both, a filling allocator levels off.
import type { BenchContext, SectionResult } from './types'
import { childPids, round, rssBytes } from './measure'
import { collectGarbage } from '../../test/model/faults/collectGarbage'
import { runAction, startBenchServe } from './quireAction'

const ACTIONS = 500
const WARM_AFTER = 50
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1)

/** Host and engine RSS: idle, warm, and after 500 actions (tokens kept short so it stays quick). */
export async function memory(bench: BenchContext): Promise<SectionResult> {
  const { serve, client } = await startBenchServe(bench.model, bench.threads, {
    NODE_OPTIONS: '--inspect=127.0.0.1:0',
    QUIRE_DEBUG: '1',
  })
  const hostPid = serve.child.pid ?? 0
  const [enginePid] = await childPids(hostPid)
  if (!enginePid) throw new Error('no engine process under quire serve')
  const sample = async () => {
    const collected = await collectGarbage(serve.output)
    if (!collected.includes(hostPid) || !collected.includes(enginePid))
      throw new Error(
        'could not collect garbage in the host and the engine through their inspectors',
      )
    return { host: await rssBytes(hostPid), engine: await rssBytes(enginePid) }
  }
  try {
    const idle = await sample()
    let warm = idle
    const act = (i: number) =>
      runAction(client, {
        selection: `Note ${i}: the tide went out and left the boats on their sides.`,
        maxTokens: bench.realModel ? 4 : 8,
        seed: i,
      })
    for (let i = 0; i < ACTIONS; i++) {
      await act(i)
      if (i + 1 === WARM_AFTER) warm = await sample()
    }
    const after = await sample()
    for (let i = ACTIONS; i < 2 * ACTIONS; i++) await act(i)
    const later = await sample()
    const laterGrowth = later.engine / after.engine - 1
    const growth = {
      host: after.host / warm.host - 1,
      engine: after.engine / warm.engine - 1,
    }
    const pct = (x: number) => `${round(x * 100, 1)}%`
    return {
      figures: {
        hostIdleMb: mb(idle.host),
        hostWarmMb: mb(warm.host),
        hostAfterMb: mb(after.host),
        hostGrowth: round(growth.host, 4),
        engineIdleMb: mb(idle.engine),
        engineWarmMb: mb(warm.engine),
        engineAfterMb: mb(after.engine),
        engineGrowth: round(growth.engine, 4),
        engineLaterMb: mb(later.engine),
        engineLaterGrowth: round(laterGrowth, 4),
        hostLaterMb: mb(later.host),
        actions: 2 * ACTIONS,
      },
      rows: [
        {
          measure: `Host RSS: idle → after ${WARM_AFTER} → after ${ACTIONS} actions`,
          value: `${mb(idle.host)} → ${mb(warm.host)} → ${mb(after.host)} MB (${pct(growth.host)})`,
          target: '< 5% growth',
          met: growth.host < 0.05,
        },
        {
          measure: `Engine RSS: idle → after ${WARM_AFTER} → after ${ACTIONS} actions`,
          value: `${mb(idle.engine)} → ${mb(warm.engine)} → ${mb(after.engine)} MB (${pct(growth.engine)})`,
          target: '< 5% growth',
          met: growth.engine < 0.05,
        },
        {
          measure: `Engine RSS: the next ${ACTIONS} actions (${ACTIONS} → ${2 * ACTIONS})`,
          value: `${mb(after.engine)} → ${mb(later.engine)} MB (${pct(laterGrowth)}; host ${mb(after.host)} → ${mb(later.host)} MB)`,
          target: '< 5% growth',
          met: laterGrowth < 0.05,
        },
      ],
    }
  } finally {
    client.close()
    await serve.stop()
  }
}
