import type { LibraryProblem } from './schema'

/** Whether a problem is an error (the default) rather than a warning. */
export function isErrorProblem(problem: LibraryProblem): boolean {
  return (problem.severity ?? 'error') === 'error'
}

/** One line for a terminal or a log: `file:line (field): message`, warnings marked as such. */
export function formatProblem(problem: LibraryProblem, source: string = problem.source): string {
  const where = problem.line === null ? source : `${source}:${problem.line}`
  const field = problem.field === null ? '' : ` (${problem.field})`
  const level = isErrorProblem(problem) ? '' : 'warning: '
  return `${where}${field}: ${level}${problem.message}`
}

/** "2 errors, 1 warning" — how a problem list reads in a summary line. */
export function countProblems(problems: readonly LibraryProblem[]): string {
  const errors = problems.filter(isErrorProblem).length
  const warnings = problems.length - errors
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
}
