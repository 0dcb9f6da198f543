const TELLING = /GGML_ASSERT|assert|error|abort|fail|invalid|terminate/i

/** Drops source paths and log prefixes so the writer sees the assertion, not our build tree. */
function tidy(line: string): string {
  return line
    .replace(/^.*?(GGML_ASSERT)/, '$1')
    .replace(/^\S*\.(?:cpp|c|h|hpp):\d+:\s*/, '')
    .trim()
}

/**
 * Explains why the engine process ended, from its last native output and log lines: the most
 * telling line if there is one, otherwise its exit code or signal.
 */
export function describeCrash(
  exit: { code: number | null; signal: string | null; stderr: string },
  logLines: readonly string[] = [],
): string {
  const lines = [...logLines, ...exit.stderr.split('\n')].map((line) => line.trim()).filter(Boolean)
  const assertion = lines.findLast((line) => /GGML_ASSERT/.test(line))
  const telling = assertion ?? lines.findLast((line) => TELLING.test(line))
  if (telling) return tidy(telling)
  if (exit.signal) return `the process was killed by ${exit.signal}`
  return `the process exited with code ${exit.code ?? 'unknown'}`
}
