import { createCommand, type LexicalCommand } from 'lexical'

/** Writes a continuation at the cursor as ghost text (the prompt given, or the next sentence). */
export const CONTINUE_AT_CURSOR_COMMAND: LexicalCommand<{ promptId?: string }> = createCommand(
  'CONTINUE_AT_CURSOR_COMMAND',
)

/** The prompt a continuation at the cursor runs unless another is named. */
export const DEFAULT_CONTINUE_PROMPT = 'continue.sentence'

/** Mod+Enter at a cursor asks for a continuation; with ghost text shown it takes all of it. */
export const CONTINUE_SHORTCUT = 'Mod+Enter'
