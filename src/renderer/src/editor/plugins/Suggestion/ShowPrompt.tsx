import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StartedEvent } from '@shared/contract'

/**
 * "Show prompt": the exact messages the model was sent for this suggestion, as the host
 * reported them when the attempt started (after the prompt was fitted to the context, and the
 * second attempt after a wrong-language answer). Nothing is rendered again here.
 */
export function ShowPrompt({ sent }: { sent: StartedEvent | null }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <div className="show-prompt">
      <button
        type="button"
        className="button subtle"
        data-testid="suggestion-show-prompt"
        aria-expanded={open}
        disabled={!sent}
        title={sent ? undefined : t('suggestion.notSentYet')}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('suggestion.hidePrompt') : t('suggestion.showPrompt')}
      </button>
      {open && sent && <SentMessages sent={sent} />}
    </div>
  )
}

function SentMessages({ sent }: { sent: StartedEvent }) {
  const { t } = useTranslation()
  const { sampling } = sent
  return (
    <div className="sent-prompt" data-testid="suggestion-prompt">
      {sent.attempt > 1 && <p className="suggestion-note">{t('suggestion.secondAttempt')}</p>}
      {sent.trimmedBefore && <p className="suggestion-note">{t('suggestion.trimmedBefore')}</p>}
      {sent.messages.map((message, index) => (
        <section key={index}>
          <h4>{t(`library.${message.role}`)}</h4>
          <pre data-testid={`prompt-${message.role}`}>{message.content}</pre>
        </section>
      ))}
      <p className="field-hint">
        {sent.model} · T {sampling.temperature} · top-p {sampling.topP} · top-k {sampling.topK} ·{' '}
        {t('library.repeatPenalty')} {sampling.repeatPenalty} · {sent.maxTokens}{' '}
        {t('library.tokens')}
        {sent.seed !== null && ` · ${t('suggestion.seed', { seed: sent.seed })}`}
      </p>
    </div>
  )
}
