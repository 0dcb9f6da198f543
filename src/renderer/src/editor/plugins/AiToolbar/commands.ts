import { createCommand, type LexicalCommand } from 'lexical'

/** Rewrites the selection in the style chosen on the toolbar (the Rewrite button). */
export const REWRITE_SELECTION_COMMAND: LexicalCommand<void> = createCommand(
  'REWRITE_SELECTION_COMMAND',
)

/** Compares two configurations of the style chosen on the toolbar (the palette's Compare). */
export const COMPARE_SELECTION_COMMAND: LexicalCommand<void> = createCommand(
  'COMPARE_SELECTION_COMMAND',
)

/** Writes several answers in the chosen style and ranks them (the palette's Best of). */
export const BEST_OF_SELECTION_COMMAND: LexicalCommand<void> = createCommand(
  'BEST_OF_SELECTION_COMMAND',
)
