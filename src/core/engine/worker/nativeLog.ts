type LogLine = { index: number; level: string; message: string }

const PROBLEM = /error|fail|invalid|assert/i

/** Keeps the last lines llama.cpp logged, to explain a failure that only says "Failed to load model". */
export class NativeLog {
  private readonly lines: LogLine[] = []
  private count = 0

  constructor(private readonly capacity = 200) {}

  add(level: string, message: string): void {
    for (const line of message.split('\n')) {
      if (line.trim() === '') continue
      this.lines.push({ index: this.count++, level, message: line.trim() })
      if (this.lines.length > this.capacity) this.lines.shift()
    }
  }

  /** A position to read problems from later. */
  mark(): number {
    return this.count
  }

  /** The error lines logged since `mark`, oldest first. */
  problemsSince(mark: number): string[] {
    return this.lines
      .filter((line) => line.index >= mark)
      .filter(
        (line) => line.level === 'error' || line.level === 'fatal' || PROBLEM.test(line.message),
      )
      .map((line) => line.message)
  }
}

/** Waits a moment: llama.cpp's log lines can arrive just after the promise rejects. */
export function settleLogs(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

const GENERIC = /failed to load model|^failed to/i

/**
 * The most specific reason among llama.cpp's error lines ("tensor 'output.weight' data is not
 * within the file bounds…" rather than "failed to load model"), without the function prefix.
 */
export function explainLoadFailure(problems: readonly string[], error: unknown): string {
  const strip = (line: string): string =>
    line.replace(/^(?:[a-z_]+:\s*)+/i, '').replace(/^error loading model:\s*/i, '')
  const specific = problems.map(strip).find((line) => line && !GENERIC.test(line))
  if (specific) return specific
  const last = problems.at(-1)
  if (last) return strip(last)
  return error instanceof Error ? error.message : String(error)
}
