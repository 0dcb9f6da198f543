import { describe, expect, it } from 'vitest'
import type { TFunction } from 'i18next'
import { appActionTitle } from '../../../../src/renderer/src/palette/shortcutText'
import { appCommands } from '../../../../src/renderer/src/palette/commands'
import en from '../../../../src/renderer/src/i18n/locales/en.json'

const t = ((key: string) =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en)) as TFunction

describe('Best of N’s and Compare’s shortcuts in Settings and the palette', () => {
  it('are titled in Settings like the other app actions', () => {
    expect(appActionTitle('app:best-of', t)).toBe('Best of N')
    expect(appActionTitle('app:compare', t)).toBe('Compare (blind A/B)')
  })

  it('are shown beside their palette commands', () => {
    const shortcutOf = (id: string) => appCommands.find((c) => c.id === id)?.shortcutId
    expect(shortcutOf('ai:best-of')).toBe('app:best-of')
    expect(shortcutOf('ai:compare')).toBe('app:compare')
  })
})
