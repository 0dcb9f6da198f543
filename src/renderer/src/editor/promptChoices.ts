import type { PromptKind, PromptSummary } from '@shared/contract'

/**
 * One entry per prompt id, titled in the interface language when that file exists. The prompt
 * that runs is still picked by the selection's language.
 */
export function promptChoices(
  prompts: readonly PromptSummary[],
  uiLanguage: 'zh' | 'en',
  kind?: PromptKind,
): PromptSummary[] {
  const byId = new Map<string, PromptSummary>()
  for (const prompt of prompts) {
    if (kind && prompt.kind !== kind) continue
    const seen = byId.get(prompt.id)
    if (!seen || (seen.language !== uiLanguage && prompt.language === uiLanguage))
      byId.set(prompt.id, prompt)
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id))
}

/** The rewrite prompt the Rewrite button runs when the writer has not picked one. */
export const DEFAULT_REWRITE_PROMPT = 'rewrite.lyrical'
