import { RECENT_INSTRUCTIONS_MAX } from '@shared/settings/schema'

/** The recent instructions with `text` first: a repeat moves up instead of appearing twice. */
export function withRecentInstruction(recent: readonly string[], text: string): string[] {
  const instruction = text.trim().replace(/\s+/g, ' ')
  if (instruction === '') return [...recent]
  const key = instruction.toLocaleLowerCase()
  return [instruction, ...recent.filter((item) => item.toLocaleLowerCase() !== key)].slice(
    0,
    RECENT_INSTRUCTIONS_MAX,
  )
}
