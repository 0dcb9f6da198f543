/**
 * One hardware probe shared by every caller for a while. A probe loads llama.cpp's bindings and,
 * on Linux, forks a process to test them first (about two seconds); without this, every click on
 * Models, or a client calling `getHardware` in a loop, would start another.
 */
export function sharedProbe<T>(probe: () => Promise<T>, reuseMs = 30_000): () => Promise<T> {
  let last: { at: number; report: Promise<T> } | null = null
  return () => {
    const now = Date.now()
    if (last && now - last.at <= reuseMs) return last.report
    const report = probe()
    const entry = { at: now, report }
    last = entry
    // A failed probe is not kept: the next call tries again.
    report.catch(() => {
      if (last === entry) last = null
    })
    return report
  }
}
