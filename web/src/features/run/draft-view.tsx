import { useMemo, type ReactNode } from 'react'
import { HeadlinesDraft, InterviewDraft } from '../../../../contracts/drafts'
import { OfferDraft, type Draft } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { formatDateTime, formatShare } from '../../lib/format'
import { HeadlinesDraftView } from './headlines-draft-view'
import { InterviewDraftView } from './interview/interview-draft-view'
import { OfferDraftView } from './offer-draft-view'
import { hasPolicyFindings, ReviewText } from './review-text'

/**
 * The screen for the draft's kind. Content is `unknown` in the contract, so it is parsed, never
 * cast; content that does not parse (an older draft, a kind with no screen) gets none, and the
 * plain text is shown instead.
 */
function structuredView(draft: Draft): ReactNode | null {
  switch (draft.kind) {
    case 'offer': {
      const parsed = OfferDraft.safeParse(draft.content)
      return parsed.success ? <OfferDraftView offer={parsed.data} /> : null
    }
    case 'headlines': {
      const parsed = HeadlinesDraft.safeParse(draft.content)
      return parsed.success ? <HeadlinesDraftView draft={parsed.data} /> : null
    }
    case 'interview_summary': {
      const parsed = InterviewDraft.safeParse(draft.content)
      return parsed.success ? <InterviewDraftView draft={parsed.data} lang={draft.lang} /> : null
    }
    case 'seo_clusters':
      return null
  }
}

export function EngineBadge({ draft }: { draft: Draft }) {
  const { t } = useI18n()
  // The offline engine must never pass for a model (ARCHITECTURE.md), nor a writer's edit for either: say so plainly.
  switch (draft.engine) {
    case 'offline':
      return (
        <span className="badge badge-offline" data-testid="engine-badge" data-engine="offline">
          {t('run.engineOffline')}
        </span>
      )
    case 'human':
      return (
        <span className="badge badge-human" data-testid="engine-badge" data-engine="human">
          {t('engine.human')}
        </span>
      )
    case 'openai':
      return (
        <span className="badge badge-model" data-testid="engine-badge" data-engine={draft.engine}>
          {t('run.engineModel', { model: draft.model })}
        </span>
      )
  }
}

/**
 * A writer's edit: the edited text is what the gates judge, so it comes first with its risks marked.
 * The structured view was parsed from the AI draft's content and may no longer match the words.
 */
function HumanDraftBody({ draft, structured }: { draft: Draft; structured: ReactNode | null }) {
  const { t, lang } = useI18n()
  const { edit } = draft
  return (
    <>
      {edit && (
        <p className="edit-summary small">
          <span data-testid="draft-edit-summary" data-ratio={edit.ratio} data-distance={edit.distance} data-ai-version={edit.aiVersion}>
            {t('run.editedBy', {
              email: edit.editedBy,
              from: edit.editedFrom,
              share: formatShare(edit.ratio, lang),
              distance: edit.distance,
            })}
          </span>{' '}
          {/* The comparison (draft-compare.tsx) is further down the run page, below the decisions. */}
          <a href="#draft-compare">{t('run.showChanges')}</a>
        </p>
      )}
      <ReviewText draft={draft} />
      {structured !== null && (
        <details className="plain-text" data-testid="ai-structure">
          <summary>{t('run.aiStructure', { version: edit?.aiVersion ?? draft.version })}</summary>
          {structured}
        </details>
      )}
    </>
  )
}

export function DraftView({ draft }: { draft: Draft }) {
  const { t, lang } = useI18n()
  // The run is polled while it is active; the draft object stays the same while nothing changed.
  const structured = useMemo(() => structuredView(draft), [draft])
  return (
    <div className="card draft">
      <div className="draft-head">
        <h2>{t('run.draft', { version: draft.version })}</h2>
        <EngineBadge draft={draft} />
      </div>
      <p className="muted small" data-testid="draft-meta">
        {/* An edit keeps the AI draft's prompt fields; no prompt wrote its words, so none is named. */}
        {draft.engine !== 'human' && <>{t('run.prompt', { id: draft.promptId, version: draft.promptVersion })} · </>}
        {t(`lang.${draft.lang}`)} ·{' '}
        {formatDateTime(draft.createdAt, lang)}
      </p>
      {draft.feedback && (
        <div className="feedback-box" data-testid="draft-feedback">
          <p className="small">{t('run.feedback')}</p>
          <blockquote className="pre-wrap">{draft.feedback}</blockquote>
        </div>
      )}
      {draft.engine === 'human' ? (
        <HumanDraftBody draft={draft} structured={structured} />
      ) : structured === null ? (
        <ReviewText draft={draft} />
      ) : hasPolicyFindings(draft) ? (
        <>
          {/* Something to review: the marked text comes first, the structured view after it. */}
          <h3>{t('run.markedText')}</h3>
          <ReviewText draft={draft} />
          {structured}
        </>
      ) : (
        <>
          {structured}
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
