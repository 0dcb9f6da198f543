import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { diffText } from '@shared/text/diff'

/** The answer as changes to the passage: removed text struck through, added text underlined. */
export function DiffText({
  before,
  after,
  testId,
}: {
  before: string
  after: string
  testId: string
}) {
  const { t } = useTranslation()
  const parts = useMemo(() => diffText(before, after), [before, after])
  return (
    <div className="suggestion-text suggestion-diff-view" data-testid={testId}>
      {parts.map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index} title={t('suggestion.diffAdded')}>
            {part.text}
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={index} title={t('suggestion.diffRemoved')}>
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </div>
  )
}
