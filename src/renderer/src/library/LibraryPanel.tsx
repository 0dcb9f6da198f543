import { hostErrorText } from '../i18n/hostText'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language, QuireApi } from '@shared/contract'
import { Drawer } from '../ui/Drawer'
import { PackControls } from './PackControls'
import { PersonaEditor } from './PersonaEditor'
import { PromptEditor } from './PromptEditor'
import { PromptList } from './PromptList'
import { PromptPreview } from './PromptPreview'
import { useLibrary } from './useLibrary'

/** What the panel needs from the editor: its selection, and a way to run a prompt on it. */
export type EditorControls = {
  selectionText(): string
  runPrompt(promptId: string, variables: Record<string, string>): boolean
}

type Props = { api: QuireApi; editor: EditorControls | null; onClose(): void }

/** The prompt library: browse, duplicate a bundled prompt to edit it, preview its messages, run it, share packs. */
export function LibraryPanel({ api, editor, onClose }: Props) {
  const { t } = useTranslation()
  const { listing, error } = useLibrary(api)
  const [selected, setSelected] = useState<{ id: string; language: Language } | null>(null)
  const entry =
    listing?.prompts.find((p) => p.id === selected?.id && p.language === selected.language) ?? null
  const problems = listing?.problems.filter((problem) => problem.severity !== 'warning') ?? []

  return (
    <Drawer testId="library-panel" title={t('panel.library')} onClose={onClose} wide>
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
            onSelect={(p) => setSelected({ id: p.id, language: p.language })}
          />
          <div className="library-detail">
            {entry ? (
              <>
                <h3 className="library-detail-title">
                  {entry.title} <span className="pill">{t(`library.kinds.${entry.kind}`)}</span>
                </h3>
                <p className="field-hint">{entry.description}</p>
                <PromptEditor
                  api={api}
                  entry={entry}
                  listing={listing}
                  onSelect={(id, language) => setSelected({ id, language })}
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
            <PersonaEditor api={api} personas={listing.personas} />
            <h3 className="library-section">{t('library.pack.title')}</h3>
            <PackControls api={api} />
          </div>
        </div>
      )}
    </Drawer>
  )
}
