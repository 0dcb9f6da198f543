import { diffChars } from 'diff'

/** One contiguous edit: at `at` (UTF-16 offset in the text before), `removed` became `inserted`. */
export type TextEdit = { at: number; removed: string; inserted: string }

/** Past this many differences an exact diff is not worth its cost; one edit covers the middle. */
const MAX_EDIT_LENGTH = 600

/** The text that changed between two strings as one edit, past their common start and end. */
function middleEdit(before: string, after: string): TextEdit {
  let start = 0
  while (start < before.length && start < after.length && before[start] === after[start]) start++
  let end = 0
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++
  return {
    at: start,
    removed: before.slice(start, before.length - end),
    inserted: after.slice(start, after.length - end),
  }
}

/**
 * What a step changed, as edits against the text it received: each run of removed and
 * inserted characters (jsdiff's Myers diff) becomes one edit. Replaying them gives `after`.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return []
  const parts = diffChars(before, after, { maxEditLength: MAX_EDIT_LENGTH })
  if (!parts) return [middleEdit(before, after)]
  const edits: TextEdit[] = []
  let at = 0
  let pending: TextEdit | null = null
  for (const part of parts) {
    if (!part.added && !part.removed) {
      if (pending) edits.push(pending)
      pending = null
      at += part.value.length
      continue
    }
    pending ??= { at, removed: '', inserted: '' }
    if (part.removed) {
      pending.removed += part.value
      at += part.value.length
    } else {
      pending.inserted += part.value
    }
  }
  if (pending) edits.push(pending)
  return edits
}
