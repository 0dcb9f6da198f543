/** What every section is told: the model and how to run it. */
export type BenchContext = {
  model: string
  /** The writer's own model (`--model FILE`) rather than the generated test model. */
  realModel: boolean
  threads: number
  contextSize: number
  gpu: boolean
  /** Measured A B pairs per comparison. */
  rounds: number
  /** Tokens each pipeline run generates. */
  pipelineTokens: number
  /** Measured A B pairs of long runs for `pipelineRatio`. */
  pipelineRounds: number
  /** Measured A B pairs of short runs for the time to first token. */
  firstTokenPairs: number
  /** Whether to run the slow 2-against-1 thread comparison (`--compare-threads`). */
  compareThreads: boolean
}

/** One line of the Markdown table. */
export type Row = {
  measure: string
  value: string
  target: string
  /** Whether the target is met; null when there is no target. */
  met: boolean | null
}

/** A section's figures (written to the JSON) and its lines of the table. */
export type SectionResult = {
  figures: Record<string, number | string | boolean | null>
  rows: Row[]
}
