import { createCommand, type LexicalCommand } from 'lexical'

/** Rewrites the selection in the style chosen on the toolbar (the Rewrite button). */
export const REWRITE_SELECTION_COMMAND: LexicalCommand<void> = createCommand(
  'REWRITE_SELECTION_COMMAND',
)
