import { useTranslation } from 'react-i18next'
import type { TextCounts } from '@shared/documents'
import type { EngineStatus } from '@shared/contract'
import { EngineStatusBar } from '../engine/EngineStatusBar'
import type { SaveState } from './sessionTypes'
import { useReservedHeight } from './useReservedHeight'

type Props = {
  counts: TextCounts
  selection: TextCounts | null
  saveState: SaveState
  status: EngineStatus | null
  connectionError: string | null
}

/** The line under the page: words and characters, the selection's, the file's state, the engine. */
export function StatusBar({ counts, selection, saveState, status, connectionError }: Props) {
  const { t } = useTranslation()
  // Fixed to the window's bottom (see documents.css): the page keeps its height free.
  const footer = useReservedHeight<HTMLElement>('--status-bar-height')
  return (
    <footer className="status-bar" ref={footer}>
      <span className="status-counts" data-testid="word-count" data-words={counts.words}>
        {t('status.words', { count: counts.words })} · {t('status.chars', { count: counts.chars })}
      </span>
      {selection && selection.chars > 0 && (
        <span className="status-selection" data-testid="selection-count">
          {t('status.selection', { words: selection.words, chars: selection.chars })}
        </span>
      )}
      <span className="save-state" data-testid="save-state" data-state={saveState}>
        <span className={`dot dot-save-${saveState}`} aria-hidden="true" />
        {t(`status.save.${saveState}`)}
      </span>
      <span className="status-spacer" />
      <EngineStatusBar status={status} connectionError={connectionError} />
    </footer>
  )
}
