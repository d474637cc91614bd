import type { Draft } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { OfferDraftView } from './offer-draft-view'
import { hasPolicyFindings, ReviewText } from './review-text'

export function EngineBadge({ draft }: { draft: Draft }) {
  const { t } = useI18n()
  // The offline engine must never pass for a model (ARCHITECTURE.md): say so plainly.
  return draft.engine === 'offline' ? (
    <span className="badge badge-offline" data-testid="engine-badge" data-engine="offline">
      {t('run.engineOffline')}
    </span>
  ) : (
    <span className="badge badge-model" data-testid="engine-badge" data-engine={draft.engine}>
      {t('run.engineModel', { model: draft.model })}
    </span>
  )
}

export function DraftView({ draft }: { draft: Draft }) {
  const { t, lang } = useI18n()
  return (
    <div className="card draft">
      <div className="draft-head">
        <h2>{t('run.draft', { version: draft.version })}</h2>
        <EngineBadge draft={draft} />
      </div>
      <p className="muted small" data-testid="draft-meta">
        {t('run.prompt', { id: draft.promptId, version: draft.promptVersion })} · {t(`lang.${draft.lang}`)} ·{' '}
        {formatDateTime(draft.createdAt, lang)}
      </p>
      {draft.feedback && (
        <div className="feedback-box" data-testid="draft-feedback">
          <p className="small">{t('run.feedback')}</p>
          <blockquote className="pre-wrap">{draft.feedback}</blockquote>
        </div>
      )}
      {draft.kind !== 'offer' ? (
        <ReviewText draft={draft} />
      ) : hasPolicyFindings(draft) ? (
        <>
          {/* Something to review: the marked text comes first, the structured offer after it. */}
          <h3>{t('run.markedText')}</h3>
          <ReviewText draft={draft} />
          <OfferDraftView content={draft.content} />
        </>
      ) : (
        <>
          <OfferDraftView content={draft.content} />
          {/* Nothing marked: the structured view is the one to review; the plain text is there to copy. */}
          <details className="plain-text">
            <summary>{t('run.plainText')}</summary>
            <ReviewText draft={draft} />
          </details>
        </>
      )}
    </div>
  )
}
