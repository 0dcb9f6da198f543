import { createCommand, type LexicalCommand } from 'lexical'

/** How many candidates Best of N samples unless the writer chose another number. */
export const DEFAULT_BEST_OF = 3
export const MAX_BEST_OF = 6

/** Samples N answers of a prompt on the selection at once and opens Best of N with them scored. */
export const BEST_OF_COMMAND: LexicalCommand<{
  promptId: string
  count?: number
  variables?: Record<string, string>
}> = createCommand('BEST_OF_COMMAND')
