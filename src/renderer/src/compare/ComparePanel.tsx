import { useTranslation } from 'react-i18next'
import type { VoteChoice } from '@shared/compare/vote'
import { hostErrorText } from '../i18n/hostText'
import { Drawer } from '../ui/Drawer'
import { canVote, revealed, shownOrder, type OpenComparison, type Side } from './compareState'
import { differenceLines, runsOn, runningOn } from './differences'

type Props = {
  state: OpenComparison
  choices: { key: string; label: string }[]
  challengerKey: string | null
  onRerun(key: string): void
  onVote(choice: VoteChoice): void
  onAccept(side: Side): void
  onClose(): void
  onOpenStats(): void
}

/** The two answers side by side, blind until the writer has voted. */
export function ComparePanel({
  state,
  choices,
  challengerKey,
  onRerun,
  onVote,
  onAccept,
  onClose,
  onOpenStats,
}: Props) {
  const { t } = useTranslation()
  const [left, right] = shownOrder(state)
  const open = revealed(state)
  const voting = canVote(state)
  // Buttons name positions, never configurations: the vote is mapped back to a or b.
  const byPosition: Record<'left' | 'right', Side> = { left, right }
  const lines = differenceLines(
    t,
    state.answers.a.started?.configuration,
    state.answers.b.started?.configuration,
  )
  // Which models run, in an order that does not say which answer is whose.
  const backends = runningOn(t, state.answers.a.started, state.answers.b.started)
  return (
    <Drawer testId="compare-panel" title={t('compare.title')} onClose={onClose} wide>
      <div className="compare-setup">
        <span className="compare-action" data-testid="compare-action">
          {state.prompt.title}
        </span>
        <label className="compare-against">
          {t('compare.against')}
          <select
            data-testid="compare-challenger"
            value={challengerKey ?? ''}
            onChange={(event) => onRerun(event.target.value)}
          >
            {choices.map((choice) => (
              <option key={choice.key} value={choice.key}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button subtle"
          data-testid="compare-rerun"
          onClick={() => challengerKey && onRerun(challengerKey)}
        >
          {t('compare.rerun')}
        </button>
      </div>
      <blockquote className="compare-original" data-testid="compare-original">
        <span className="compare-original-label">{t('compare.original')}</span>
        {state.target.text}
      </blockquote>
      <p className="compare-hint">{open ? t('compare.revealedHint') : t('compare.blindHint')}</p>
      {backends && (
        <p className="compare-backends" data-testid="compare-backends">
          {backends}
        </p>
      )}
      <div className="compare-columns">
        {([left, right] as const).map((side, index) => {
          const answer = state.answers[side]
          return (
            <section
              key={side}
              className="compare-answer"
              data-testid={`compare-answer-${index + 1}`}
              data-phase={answer.phase}
              data-side={open ? side : undefined}
              aria-busy={answer.phase === 'waiting' || answer.phase === 'streaming'}
            >
              <h3 className="compare-answer-title">
                {t('compare.answer', { number: index + 1 })}
                {open && (
                  <span className="compare-label" data-testid={`compare-label-${index + 1}`}>
                    {side.toUpperCase()} · {state.contenders[side].label}
                  </span>
                )}
              </h3>
              {open && answer.started && (
                <p className="compare-runs-on" data-testid={`compare-runs-on-${index + 1}`}>
                  {runsOn(t, answer.started)}
                </p>
              )}
              {answer.phase === 'error' ? (
                <p className="compare-error" role="alert">
                  {hostErrorText(t, answer.error)}
                </p>
              ) : (
                <div className="compare-text" data-testid={`compare-text-${index + 1}`}>
                  {answer.text ||
                    (answer.phase === 'done'
                      ? t('compare.empty')
                      : answer.waiting
                        ? t(`compare.waiting.${answer.waiting}`)
                        : t('compare.writing'))}
                </div>
              )}
              {open && answer.phase === 'done' && (
                <button
                  type="button"
                  className="button primary"
                  data-testid={`compare-accept-${index + 1}`}
                  onClick={() => onAccept(side)}
                >
                  {t(`suggestion.accept.${state.prompt.apply}`)}
                </button>
              )}
            </section>
          )
        })}
      </div>
      <div className="compare-vote" role="group" aria-label={t('compare.voteLabel')}>
        <span>{t('compare.question')}</span>
        {(
          [
            ['left', 'compare.vote.left'],
            ['tie', 'compare.vote.tie'],
            ['right', 'compare.vote.right'],
            ['both-bad', 'compare.vote.bothBad'],
          ] as const
        ).map(([choice, key]) => {
          const value: VoteChoice =
            choice === 'left' || choice === 'right' ? byPosition[choice] : choice
          return (
            <button
              key={choice}
              type="button"
              className="button"
              data-testid={`compare-vote-${choice}`}
              aria-pressed={state.vote.choice === value}
              // Not `disabled` while the vote saves: that drops focus to <body>, out of the panel.
              disabled={!voting}
              aria-disabled={state.vote.saving || undefined}
              onClick={() => {
                if (!state.vote.saving) onVote(value)
              }}
            >
              {t(key)}
            </button>
          )
        })}
      </div>
      {state.vote.error && (
        <p className="compare-error" role="alert">
          {state.vote.error}
        </p>
      )}
      {state.refused && (
        <p className="compare-error" role="alert">
          {t('compare.refused')}
        </p>
      )}
      {open && (
        <div className="compare-reveal" data-testid="compare-reveal">
          <p>{t('compare.saved')}</p>
          {lines.length > 0 ? (
            <ul className="compare-differences">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p>{t('compare.same')}</p>
          )}
          <button
            type="button"
            className="button subtle"
            data-testid="compare-open-stats"
            onClick={onOpenStats}
          >
            {t('compare.openStats')}
          </button>
        </div>
      )}
    </Drawer>
  )
}
