import { createCommand, type LexicalCommand } from 'lexical'

/** Runs a library prompt on the current selection and opens the suggestion card. */
export const RUN_PROMPT_COMMAND: LexicalCommand<{
  promptId: string
  variables?: Record<string, string>
}> = createCommand('RUN_PROMPT_COMMAND')
