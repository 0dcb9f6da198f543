/** A replacement of `text.slice(start, end)` by `text`, planned against one version of a text. */
export type Patch = { start: number; end: number; text: string }

/** Applies non-overlapping patches (in any order); a patch overlapping an earlier one is skipped. */
export function applyPatches(text: string, patches: readonly Patch[]): string {
  const sorted = [...patches].sort((a, b) => a.start - b.start || a.end - b.end)
  let result = ''
  let at = 0
  for (const patch of sorted) {
    if (patch.start < at) continue
    result += text.slice(at, patch.start) + patch.text
    at = patch.end
  }
  return result + text.slice(at)
}
