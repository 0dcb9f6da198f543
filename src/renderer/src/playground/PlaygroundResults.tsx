import { useTranslation } from 'react-i18next'
import type { SampleSet } from '../bestOf/sampleSet'
import { ScoreDetails } from '../bestOf/ScoreDetails'
import { hostErrorText } from '../i18n/hostText'

/** The samples side by side: text, stats, scores and the exact messages sent. */
export function PlaygroundResults({ set }: { set: SampleSet }) {
  const { t } = useTranslation()
  return (
    <ol className="playground-results" data-testid="playground-results">
      {set.samples.map((sample) => (
        <li
          key={sample.requestId}
          className="playground-sample"
          data-testid="playground-sample"
          data-phase={sample.phase}
        >
          <header className="candidate-header">
            <span className="candidate-rank">{t('playground.seed', { seed: sample.seed })}</span>
            {sample.score && (
              <span className="candidate-score" data-testid="playground-score">
                {t('bestOf.score', { score: sample.score.score.toFixed(2) })}
              </span>
            )}
          </header>
          {sample.error ? (
            <p className="candidate-error" role="alert">
              {hostErrorText(t, sample.error)}
            </p>
          ) : (
            <p className="candidate-text" data-testid="playground-text">
              {sample.text || '…'}
            </p>
          )}
          {sample.done && (
            <p className="playground-stats" data-testid="playground-stats">
              {t('playground.stats', {
                tokens: sample.done.stats.generatedTokens,
                speed: sample.done.stats.tokensPerSecond.toFixed(1),
                ttft: sample.done.stats.timeToFirstTokenMs ?? '—',
                stop: t(`playground.stopReasons.${sample.done.stats.stopReason}`),
              })}
            </p>
          )}
          {sample.started?.configuration && (
            <p className="playground-ran" data-testid="playground-ran">
              {t('playground.ran', {
                persona: sample.started.configuration.persona,
                lora:
                  sample.started.configuration.lora
                    .map((adapter) => `${adapter.file} × ${adapter.scale}`)
                    .join(', ') || t('playground.noLora'),
                fingerprint: sample.started.fingerprint ?? '—',
              })}
            </p>
          )}
          {sample.score && <ScoreDetails score={sample.score} />}
          {sample.started && (
            <details className="playground-messages">
              <summary>{t('playground.messages')}</summary>
              {sample.started.messages.map((message, index) => (
                <div key={index} data-testid="playground-message" data-role={message.role}>
                  <strong>{message.role}</strong>
                  <pre>{message.content}</pre>
                </div>
              ))}
            </details>
          )}
        </li>
      ))}
    </ol>
  )
}
