import { createCommand, type LexicalCommand } from 'lexical'

/** Compares two configurations of an action on the current selection (blind A/B). */
export const COMPARE_COMMAND: LexicalCommand<{ promptId: string }> =
  createCommand('COMPARE_COMMAND')
