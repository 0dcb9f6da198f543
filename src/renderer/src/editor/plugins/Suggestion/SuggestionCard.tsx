import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { isRunning } from './alternative'
import { AlternativeNav } from './AlternativeNav'
import { AnswerBody } from './AnswerBody'
import { CardActions } from './CardActions'
import { CardStatus } from './CardStatus'
import { ShowPrompt } from './ShowPrompt'
import { cardAnnouncement } from './announcement'
import { shownAlternative, type OpenSuggestion } from './suggestionState'
import { VersionColumns } from './VersionColumns'

type Props = {
  state: OpenSuggestion
  /** How far the model load has come (0..1), while the card waits for it. */
  loadProgress: number | null
  /** How many versions "Write versions" offers at first. */
  defaultVersions: number
  isMac: boolean
  ref: Ref<HTMLDivElement>
  onAccept(): void
  onReject(): void
  onStop(): void
  onRetry(): void
  onVersions(count: number): void
  onShow(index: number): void
  onStep(by: -1 | 1): void
  onToggleRaw(): void
  onToggleDiff(): void
  onOpenModels(): void
}

/**
 * The card next to the passage where the answers stream in: one at a time with ◀ n/m ▶, or the
 * versions written together side by side (two) or as tabs (more); Accept takes the one shown.
 */
export function SuggestionCard(props: Props) {
  const { state, loadProgress, ref, onOpenModels } = props
  const { t } = useTranslation()
  const shown = shownAlternative(state)
  const { versions } = state
  const together = versions
    ? state.alternatives.slice(versions.from, versions.from + versions.count)
    : []

  return (
    <div
      ref={ref}
      className="suggestion-card"
      data-testid="suggestion"
      data-phase={shown.phase}
      data-view={state.showRaw ? 'raw' : state.showDiff ? 'diff' : 'cleaned'}
      data-layout={versions ? (versions.count === 2 ? 'side-by-side' : 'tabs') : 'one'}
      role="dialog"
      aria-label={t('suggestion.label')}
      onMouseDown={(event) => {
        if (!(
          event.target instanceof HTMLElement && event.target.closest('.suggestion-scroll, select')
        ))
          event.preventDefault()
      }}
    >
      <div className="suggestion-header">
        <span className="suggestion-title">{state.prompt.title}</span>
        <AlternativeNav
          shown={state.shown}
          count={state.alternatives.length}
          isMac={props.isMac}
          onStep={props.onStep}
        />
        <CardStatus state={shown} loadProgress={loadProgress} />
      </div>
      <div className="suggestion-scroll">
        {versions ? (
          <VersionColumns
            label={t('suggestion.alternatives')}
            selected={state.shown - versions.from}
            onSelect={(index) => props.onShow(versions.from + index)}
            versions={together.map((alternative, index) => ({
              key: alternative.requestId,
              label: t('suggestion.version', { number: versions.from + index + 1 }),
              busy: isRunning(alternative),
              content: (
                <AnswerBody
                  card={state}
                  alternative={alternative}
                  shown={versions.from + index === state.shown}
                  onOpenModels={onOpenModels}
                />
              ),
            }))}
          />
        ) : (
          <AnswerBody card={state} alternative={shown} shown onOpenModels={onOpenModels} />
        )}
        {state.refused && (
          <p className="suggestion-notice" role="alert" data-testid="suggestion-notice">
            {t('suggestion.changed')}
          </p>
        )}
        {/* The messages of the answer in view: switching answers switches them. */}
        <ShowPrompt sent={shown.sent} />
      </div>
      {/* Announced once the shown answer is finished, not on every token. */}
      <div className="visually-hidden" aria-live="polite" data-testid="suggestion-announce">
        {cardAnnouncement(state, t)}
      </div>
      <CardActions
        card={state}
        defaultVersions={props.defaultVersions}
        isMac={props.isMac}
        onAccept={props.onAccept}
        onReject={props.onReject}
        onStop={props.onStop}
        onRetry={props.onRetry}
        onVersions={props.onVersions}
        onToggleRaw={props.onToggleRaw}
        onToggleDiff={props.onToggleDiff}
      />
    </div>
  )
}
