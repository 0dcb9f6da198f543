export { textUnits, ngrams } from './units'
export { distinctN, repeatedTrigramShare, inputOverlap } from './ngramMetrics'
export { runChecks, countStockPhrases, sensesIn, findPhrases, type CheckResult } from './runChecks'
export {
  scoreAnswer,
  rankByScore,
  COPY_THRESHOLD,
  type AnswerScore,
  type ScoreContext,
} from './score'
export { summarizeSamples, type ConfigurationMetrics, type ScoredSample } from './summary'
