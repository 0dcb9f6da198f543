import { useTranslation } from 'react-i18next'
import type { PromptSummary } from '@shared/contract'
import { Drawer } from '../ui/Drawer'
import { CandidateCard } from './CandidateCard'
import { isSettled, orderedSamples, type Sample, type SampleSet } from './sampleSet'

type Props = {
  prompt: PromptSummary
  input: string
  set: SampleSet
  /** The passage changed while the candidates were written: nothing was applied. */
  refused: boolean
  onAccept(sample: Sample): void
  onRunAgain(): void
  onStop(): void
  onClose(): void
}

/** Best of N: the candidates side by side in a panel, the best first once all are in. */
export function BestOfView({
  prompt,
  input,
  set,
  refused,
  onAccept,
  onRunAgain,
  onStop,
  onClose,
}: Props) {
  const { t } = useTranslation()
  const settled = isSettled(set)
  const samples = orderedSamples(set)
  const answered = samples.filter((s) => s.phase === 'done').length
  return (
    <Drawer
      testId="bestof-panel"
      title={t('bestOf.title', { count: set.samples.length })}
      onClose={onClose}
    >
      <p className="bestof-intro">
        <strong>{prompt.title}</strong> · {t('bestOf.on', { chars: [...input].length })}
      </p>
      <p className="bestof-status" data-testid="bestof-status" aria-live="polite">
        {settled
          ? t('bestOf.ranked', { answered, count: set.samples.length })
          : t('bestOf.running', { answered, count: set.samples.length })}
      </p>
      {refused && (
        <p className="bestof-refused" role="alert">
          {t('suggestion.changed')}
        </p>
      )}
      <ol className="candidates">
        {samples.map((sample, index) => (
          <CandidateCard
            key={sample.requestId}
            sample={sample}
            rank={settled && sample.phase === 'done' ? index + 1 : null}
            apply={prompt.apply}
            onAccept={onAccept}
          />
        ))}
      </ol>
      <footer className="bestof-actions">
        {settled ? (
          <button type="button" className="button" data-testid="bestof-again" onClick={onRunAgain}>
            {t('bestOf.again', { count: set.samples.length })}
          </button>
        ) : (
          <button type="button" className="button" data-testid="bestof-stop" onClick={onStop}>
            {t('suggestion.stop')}
          </button>
        )}
      </footer>
    </Drawer>
  )
}
