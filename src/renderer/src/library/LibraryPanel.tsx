import { hostErrorText } from '../i18n/hostText'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LexicalCommand } from 'lexical'
import type { Language, QuireApi } from '@shared/contract'
import type { LibraryListing } from '@shared/prompts/libraryContract'
import { useKeymap } from '../palette/keymap'
import { Drawer } from '../ui/Drawer'
import { UnsavedPrompt } from '../ui/UnsavedPrompt'
import { useUnsavedGuard } from '../ui/useUnsavedGuard'
import { PackControls } from './PackControls'
import { PersonaEditor } from './PersonaEditor'
import { PromptEditor } from './PromptEditor'
import { PromptList } from './PromptList'
import { PromptPreview } from './PromptPreview'
import { useLibrary } from './useLibrary'

/** What panels and the palette need from the editor: its selection, a way to run a prompt on it, and focus. */
export type EditorControls = {
  selectionText(): string
  runPrompt(promptId: string, variables: Record<string, string>): boolean
  /** Any editor command (an action another feature defines), e.g. for a palette entry. */
  dispatch<T>(command: LexicalCommand<T>, payload: T): boolean
  /** Focus back in the editor, with its selection as it was. */
  focus(): void
}

type Props = { api: QuireApi; editor: EditorControls | null; onClose(): void }

const NO_PROMPTS: LibraryListing['prompts'] = []

/** The prompt library: browse, duplicate a bundled prompt to edit it, preview its messages, run it, share packs. */
export function LibraryPanel({ api, editor, onClose }: Props) {
  const { t } = useTranslation()
  const { listing, error } = useLibrary(api)
  const [selected, setSelected] = useState<{ id: string; language: Language } | null>(null)
  const [dirty, setDirty] = useState({ prompt: false, persona: false })
  const [removed, setRemoved] = useState<{
    entry: NonNullable<typeof entry>
    problem: string | null
  } | null>(null)
  const bindings = useKeymap(api, listing?.prompts ?? NO_PROMPTS)
  const guard = useUnsavedGuard(dirty.prompt || dirty.persona)
  const entry =
    listing?.prompts.find((p) => p.id === selected?.id && p.language === selected.language) ?? null
  const problems = listing?.problems.filter((problem) => problem.severity !== 'warning') ?? []
  const { request } = guard
  const close = useCallback(() => request(onClose), [request, onClose])
  const onPromptDirty = useCallback(
    (prompt: boolean) => setDirty((d) => (d.prompt === prompt ? d : { ...d, prompt })),
    [],
  )
  const onPersonaDirty = useCallback(
    (persona: boolean) => setDirty((d) => (d.persona === persona ? d : { ...d, persona })),
    [],
  )
  const select = (id: string, language: Language): void => {
    setDirty((d) => ({ ...d, prompt: false }))
    setSelected({ id, language })
  }
  const undo = async (): Promise<void> => {
    if (!removed) return
    const { id, language } = removed.entry
    try {
      await api.undeletePrompt({ id, language })
      setRemoved(null)
      select(id, language)
    } catch (cause) {
      setRemoved({ ...removed, problem: hostErrorText(t, cause) })
    }
  }

  return (
    <Drawer testId="library-panel" title={t('panel.library')} onClose={close} wide>
      <UnsavedPrompt guard={guard} what={t('unsaved.prompt')} />
      {removed && (
        <div className="library-removed" role="status" data-testid="library-removed">
          <span>
            {t(removed.entry.overrides ? 'libraryEditor.restored' : 'libraryEditor.deleted', {
              title: removed.entry.title,
            })}
          </span>
          <button
            type="button"
            className="button"
            data-testid="library-undo"
            onClick={() => void undo()}
          >
            {t('libraryEditor.undo')}
          </button>
          <button
            type="button"
            className="button subtle"
            aria-label={t('libraryEditor.dismiss')}
            onClick={() => setRemoved(null)}
          >
            ×
          </button>
          {removed.problem && <p className="field-error">{removed.problem}</p>}
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
      {problems.length > 0 && (
        <ul className="problem-list" data-testid="library-file-problems">
          {problems.map((problem, index) => (
            <li key={index} className="field-error">
              {problem.source}
              {problem.line ? `:${problem.line}` : ''}
              {problem.field ? ` (${problem.field})` : ''}: {hostErrorText(t, problem)}
            </li>
          ))}
        </ul>
      )}
      {listing && (
        <div className="library-layout">
          <PromptList
            prompts={listing.prompts}
            selected={entry}
            onSelect={(p) => request(() => select(p.id, p.language))}
          />
          <div className="library-detail">
            {entry ? (
              <>
                <h3 className="library-detail-title">
                  {entry.title} <span className="pill">{t(`library.kinds.${entry.kind}`)}</span>
                </h3>
                <p className="field-hint">{entry.description}</p>
                <PromptEditor
                  key={`${entry.id}:${entry.language}`}
                  api={api}
                  entry={entry}
                  listing={listing}
                  bindings={bindings}
                  onSelect={select}
                  onRemoved={(gone) => {
                    setDirty((d) => ({ ...d, prompt: false }))
                    setRemoved({ entry: gone, problem: null })
                  }}
                  onDirtyChange={onPromptDirty}
                />
                <PromptPreview
                  key={`${entry.id}:${entry.language}`}
                  api={api}
                  entry={entry}
                  revision={listing}
                  selection={editor?.selectionText() ?? ''}
                  onRun={(id, variables) => {
                    const ran = editor?.runPrompt(id, variables) ?? false
                    if (ran) onClose()
                    return ran
                  }}
                />
              </>
            ) : (
              <p className="field-hint">{t('library.pick')}</p>
            )}
            <h3 className="library-section">{t('library.personas.title')}</h3>
            <PersonaEditor api={api} personas={listing.personas} onDirtyChange={onPersonaDirty} />
            <h3 className="library-section">{t('library.pack.title')}</h3>
            <PackControls api={api} />
          </div>
        </div>
      )}
    </Drawer>
  )
}
