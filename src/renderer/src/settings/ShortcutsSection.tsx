import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptSummary, QuireApi } from '@shared/contract'
import { appKeyActions, effectiveBindings } from '@shared/prompts/keymap'
import { promptChoices } from '../editor/promptChoices'
import { keyActions } from '../palette/keymap'
import { appActionTitle } from '../palette/shortcutText'
import { usePrefs } from '../palette/userPrefs'
import { ShortcutField } from './ShortcutField'

type Props = {
  api: QuireApi
  /** Whether a shortcut is typed but not yet saved (a panel asks before closing). */
  onPendingChange(pending: boolean): void
}

/**
 * The keyboard shortcuts of the app's actions and of each prompt: press the keys (or type them),
 * see a clash or a reserved key at once, and a good one is saved as it is set.
 */
export function ShortcutsSection({ api, onPendingChange }: Props) {
  const { t, i18n } = useTranslation()
  const { prefs, store } = usePrefs(api)
  const [prompts, setPrompts] = useState<readonly PromptSummary[]>([])
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set())
  useEffect(() => {
    let live = true
    api.listPrompts().then(
      (list) => live && setPrompts(list),
      () => live && setPrompts([]),
    )
    return () => {
      live = false
    }
  }, [api])
  useEffect(() => onPendingChange(pending.size > 0), [pending, onPendingChange])

  const actions = useMemo(() => keyActions(prompts), [prompts])
  const bindings = useMemo(
    () => effectiveBindings(actions, prefs.shortcuts),
    [actions, prefs.shortcuts],
  )
  const uiLanguage = i18n.language.startsWith('zh') ? 'zh' : 'en'
  const titled = useMemo(() => promptChoices(prompts, uiLanguage), [prompts, uiLanguage])
  const titleOf = (id: string): string =>
    appActionTitle(id, t) ?? titled.find((p) => p.id === id)?.title ?? id
  const markPending = (id: string, isPending: boolean): void =>
    setPending((current) => {
      if (current.has(id) === isPending) return current
      const next = new Set(current)
      if (isPending) next.add(id)
      else next.delete(id)
      return next
    })

  const row = (action: (typeof actions)[number]) => (
    <ShortcutField
      key={action.id}
      actionId={action.id}
      label={titleOf(action.id)}
      saved={bindings.find((b) => b.id === action.id)?.shortcut ?? ''}
      defaultShortcut={action.defaultShortcut}
      overridden={Object.hasOwn(prefs.shortcuts, action.id)}
      bindings={bindings}
      titleOf={titleOf}
      onPendingChange={(isPending) => markPending(action.id, isPending)}
      onSave={(shortcut) => store.setShortcut(action.id, shortcut)}
    />
  )
  const appIds = new Set<string>(appKeyActions.map((a) => a.id))
  return (
    <section className="panel-section" aria-labelledby="settings-shortcuts">
      <h3 id="settings-shortcuts">{t('shortcuts.title')}</h3>
      <p className="field-hint">{t('shortcuts.hint')}</p>
      <div className="shortcut-rows" data-testid="settings-shortcuts">
        {actions.filter((a) => appIds.has(a.id)).map(row)}
      </div>
      <details className="shortcut-prompts">
        <summary>{t('shortcuts.prompts', { count: titled.length })}</summary>
        <div className="shortcut-rows">
          {titled.map((prompt) => {
            const action = actions.find((a) => a.id === prompt.id)
            return action ? row(action) : null
          })}
        </div>
      </details>
    </section>
  )
}
