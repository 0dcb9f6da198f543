/** Post-processing: pure steps that clean a model's answer, declared per prompt. */
export {
  stepIds,
  stepSpecSchema,
  stepSpecListSchema,
  stepSpecProblem,
  phrasePairSchema,
  phrasePairsSchema,
  parseStepList,
  stepIdOf,
  toStepCall,
  type StepId,
  type StepSpec,
  type StepCall,
  type PhrasePair,
  type StepListResult,
} from './stepSpec'
export {
  runPipeline,
  PostprocessStepError,
  type PipelineOptions,
  type PipelineResult,
  type PipelineFlags,
  type StepChange,
} from './pipeline'
export { cleanPartial } from './partial'
export { budgetReached, hasBudget } from './budget'
export { defaultReplacements } from './replacePhrases'
export { stepRegistry, runStep } from './registry'
export type { TextEdit } from './diff'
export type { StepContext, StepOutput } from './stepTypes'
