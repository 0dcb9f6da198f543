import { createCommand, type LexicalCommand } from 'lexical'

/**
 * Runs a library prompt on the current selection and opens the suggestion card; with only a
 * cursor, on the cursor's paragraph. `versions` above 1 writes that many answers in parallel,
 * shown side by side (two) or as tabs.
 */
export const RUN_PROMPT_COMMAND: LexicalCommand<{
  promptId: string
  variables?: Record<string, string>
  versions?: number
}> = createCommand('RUN_PROMPT_COMMAND')
