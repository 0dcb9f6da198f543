import type { TFunction } from 'i18next'
import type { ShortcutCheck } from '@shared/prompts/keymap'

/** The writer's words for a shortcut that cannot be used; null when it can. */
export function shortcutProblemText(
  check: ShortcutCheck,
  typed: string,
  t: TFunction,
  /** The title of the action holding a shortcut (a prompt's, or an app action's). */
  titleOf: (actionId: string) => string,
): string | null {
  if (check.ok) return null
  switch (check.reason) {
    case 'not-modifier':
      return t('shortcuts.errors.notModifier', { part: check.part })
    case 'bad-key':
      return t('shortcuts.errors.badKey', { typed: typed.trim() })
    case 'bare-key':
      return t('shortcuts.errors.bareKey')
    case 'reserved':
      return t('shortcuts.errors.reserved', { use: t(`shortcuts.uses.${check.use}`) })
    case 'taken':
      return t('shortcuts.errors.taken', { action: titleOf(check.by) })
    default:
      return check satisfies never
  }
}

/** The title of an app action with a shortcut ("app:rewrite" → "Rewrite"), else null. */
export function appActionTitle(actionId: string, t: TFunction): string | null {
  const name = /^app:(rewrite|ask|compare|best-of|palette)$/.exec(actionId)?.[1]
  return name ? t(`shortcuts.actions.${name}`) : null
}
