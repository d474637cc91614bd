import { useMemo } from 'react'
import { useI18n } from '../../i18n'
import { diffParts } from './diff-parts'
import { countWords, diffByWords } from './diff-words'

/** `before` → `after`, word by word: insertions in <ins>, deletions in <del>, spacing and line breaks kept. */
export function WordDiff({ before, after }: { before: string; after: string }) {
  const { t } = useI18n()
  const changes = useMemo(() => diffByWords(before, after), [before, after])
  const parts = useMemo(() => (changes ? diffParts(changes) : []), [changes])

  if (changes === undefined) return <p className="state state-warn small">{t('compare.tooLarge')}</p>
  if (!changes.some((c) => c.added || c.removed)) return <p className="muted">{t('compare.noChanges')}</p>
  const { added, removed } = countWords(changes)

  return (
    <>
      <p className="muted small diff-legend">
        <ins>{t('compare.added')}</ins> <del>{t('compare.removed')}</del> ·{' '}
        <span data-testid="diff-stats" data-added={added} data-removed={removed}>
          {t('compare.stats', { added, removed })}
        </span>
      </p>
      <div className="diff-text pre-wrap" data-testid="word-diff">
        {parts.map((p, i) =>
          p.kind === 'ins' ? (
            <ins key={i} data-testid="diff-ins" data-label={t('compare.added')}>
              {p.value}
            </ins>
          ) : p.kind === 'del' ? (
            <del key={i} data-testid="diff-del" data-label={t('compare.removed')}>
              {p.value}
            </del>
          ) : (
            <span key={i}>{p.value}</span>
          ),
        )}
      </div>
    </>
  )
}
