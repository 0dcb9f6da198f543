import { useMemo } from 'react'
import type { PromptSummary, QuireApi } from '@shared/contract'
import {
  appKeyActions,
  effectiveBindings,
  type Binding,
  type KeyAction,
} from '@shared/prompts/keymap'
import { usePrefs } from './userPrefs'

/** Every action that can have a shortcut: the app's own first, then each prompt id once. */
export function keyActions(
  prompts: readonly Pick<PromptSummary, 'id' | 'shortcut'>[],
): KeyAction[] {
  // One id may have a file per language; the shortcut is the one any of them declares.
  const byId = new Map<string, string | null>()
  for (const prompt of prompts) byId.set(prompt.id, byId.get(prompt.id) ?? prompt.shortcut)
  return [...appKeyActions, ...[...byId].map(([id, defaultShortcut]) => ({ id, defaultShortcut }))]
}

/** The shortcuts in effect, with the writer's own from Settings. */
export function useKeymap(api: QuireApi, prompts: readonly PromptSummary[]): Binding[] {
  const { prefs } = usePrefs(api)
  return useMemo(
    () => effectiveBindings(keyActions(prompts), prefs.shortcuts),
    [prompts, prefs.shortcuts],
  )
}

/** The shortcut of one action, if it has one. */
export const shortcutOf = (bindings: readonly Binding[], id: string): string | null =>
  bindings.find((binding) => binding.id === id)?.shortcut ?? null
