import type { GenerationOverrides } from '@shared/compare/configuration'
import type { EvalSuite } from '@shared/eval'
import { templateVariables } from '@shared/prompts/templateCheck'
import { findPrompt, type PromptLibrary } from '../library/promptLibrary'

/**
 * Cases that give text before the selection to a prompt whose template never uses `before`
 * (under any configuration): that text is not sent, so the writer should know, not guess.
 * Cases whose prompt cannot be found are left to the run, which reports them.
 */
export function casesWithUnusedBefore(
  library: PromptLibrary,
  suite: EvalSuite,
  configurations: readonly { overrides: GenerationOverrides }[],
): { caseId: string; prompt: string }[] {
  const uses = (template: string) => {
    const parsed = templateVariables(template)
    return !parsed.ok || parsed.names.includes('before')
  }
  return suite.cases
    .filter((c) => c.before.trim() !== '')
    .filter((c) => {
      let body: string
      try {
        body = findPrompt(library, c.prompt, c.language).body
      } catch {
        return false
      }
      return !configurations.some(({ overrides }) => uses(overrides.template?.body ?? body))
    })
    .map((c) => ({ caseId: c.id, prompt: c.prompt }))
}
