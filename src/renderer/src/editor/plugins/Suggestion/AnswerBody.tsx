import { useTranslation } from 'react-i18next'
import { hostErrorText } from '../../../i18n/hostText'
import { answerText, type Alternative } from './alternative'
import { DiffText } from './DiffText'
import type { OpenSuggestion } from './suggestionState'

type Props = {
  card: OpenSuggestion
  alternative: Alternative
  /** The answer Accept takes: its text carries the `suggestion-text` test id. */
  shown: boolean
  onOpenModels(): void
}

/** One answer on the card: its text (or its changes to the passage), what went wrong, and notes about it. */
export function AnswerBody({ card, alternative, shown, onOpenModels }: Props) {
  const { t } = useTranslation()
  const showRaw = shown && card.showRaw
  const text = answerText(alternative, card.prompt.postprocess, showRaw)
  const done = alternative.phase === 'done' ? alternative : null
  const empty = done !== null && text.trim() === '' && done.result.stats.stopReason !== 'abort'
  const notes = [
    alternative.retrying ? t('suggestion.retriedLanguage') : null,
    done?.result.flags.languageMismatch ? t('suggestion.languageMismatch') : null,
    // Cut by the prompt's length limit, or stopped at a sentence end once it reached it.
    done?.result.flags.truncated
      ? t('suggestion.truncated')
      : done?.result.stats.stopReason === 'budget'
        ? t('suggestion.budget')
        : null,
    done?.result.flags.keptRaw ? t('suggestion.keptRaw') : null,
    done?.result.flags.postprocessFailed
      ? t('suggestion.postprocessFailed', { step: done.result.flags.postprocessFailed })
      : null,
    empty ? t('suggestion.empty') : null,
  ].filter((note) => note !== null)
  const testId = shown ? 'suggestion-text' : 'suggestion-other-text'
  const diff = card.showDiff && card.prompt.apply === 'replace'

  return (
    <>
      {alternative.phase === 'error' && (
        <div className="suggestion-error" role="alert" data-testid="suggestion-error">
          <p>
            {alternative.code === 'no-model'
              ? t('suggestion.noModel')
              : hostErrorText(t, alternative)}
          </p>
          {alternative.code === 'no-model' && shown && (
            <button
              type="button"
              className="button primary"
              data-testid="suggestion-open-models"
              onClick={onOpenModels}
            >
              {t('suggestion.openModels')}
            </button>
          )}
        </div>
      )}
      {alternative.phase === 'waiting' && alternative.reason === 'model-loading' && (
        <p className="suggestion-note">{t('suggestion.waitingHint')}</p>
      )}
      {alternative.phase !== 'error' &&
        alternative.phase !== 'waiting' &&
        (diff ? (
          <DiffText before={card.target.text} after={text} testId={testId} />
        ) : (
          <div className="suggestion-text" data-testid={testId}>
            {text}
            {alternative.phase === 'streaming' && <span className="caret" aria-hidden="true" />}
          </div>
        ))}
      {notes.map((note) => (
        <p key={note} className="suggestion-note">
          {note}
        </p>
      ))}
    </>
  )
}
