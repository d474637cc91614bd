import { lazy, Suspense, useMemo, type ReactNode } from 'react'
import type { Draft, Run } from '../../../../contracts/runs'
import { Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { formatDateTime, formatShare } from '../../lib/format'
import { HeadlinesDraftView } from './headlines-draft-view'
import { InterviewDraftView } from './interview/interview-draft-view'
import { OfferDraftView } from './offer-draft-view'
import { hasPolicyFindings, ReviewText } from './review-text'

// Only SEO runs show it, and it is the largest of the views: it loads on demand.
const SeoDraftView = lazy(() => import('./seo/seo-draft-view').then((m) => ({ default: m.SeoDraftView })))

/** The screen for the draft's kind: the content arrives parsed by its kind (contracts DRAFT_CONTENT). */
function structuredView(draft: Draft, run: Run): ReactNode {
  switch (draft.kind) {
    case 'offer':
      return <OfferDraftView offer={draft.content} />
    case 'headlines':
      return <HeadlinesDraftView draft={draft.content} />
    case 'interview_summary':
      return <InterviewDraftView draft={draft.content} lang={draft.lang} />
    case 'seo_clusters':
      return (
        <Suspense fallback={<Loading />}>
          {/* Keyed by version: unsaved keyword moves belong to the version they were made on. */}
          <SeoDraftView key={draft.version} draft={draft.content} run={run} version={draft.version} />
        </Suspense>
      )
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

/** Who edited the draft, from which version, and how much of the AI's text that changed. */
function EditSummary({ draft }: { draft: Draft }) {
  const { t, lang } = useI18n()
  const { edit } = draft
  if (!edit) return null
  return (
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
  )
}

/**
 * A writer's edit: the edited text is what the gates judge, so it comes first with its risks marked.
 * The structured view was parsed from the AI draft's content and may no longer match the words.
 */
function HumanDraftBody({ draft, structured }: { draft: Draft; structured: ReactNode }) {
  const { t } = useI18n()
  return (
    <>
      <EditSummary draft={draft} />
      <ReviewText draft={draft} />
      <details className="plain-text" data-testid="ai-structure">
        <summary>{t('run.aiStructure', { version: draft.edit?.aiVersion ?? draft.version })}</summary>
        {structured}
      </details>
    </>
  )
}

/**
 * The structured view first, unless the policy marked something in the text: then the marked text
 * leads. An SEO plan keeps the plan first even then: its text is the plan listed keyword by keyword,
 * and the plan is what is reviewed; the marked text follows it in full sight.
 */
function StructuredBody({ draft, structured }: { draft: Draft; structured: ReactNode }) {
  const { t } = useI18n()
  if (!hasPolicyFindings(draft)) {
    return (
      <>
        {structured}
        {/* Nothing marked: the structured view is the one to review; the plain text is there to copy. */}
        <details className="plain-text">
          <summary>{t('run.plainText')}</summary>
          <ReviewText draft={draft} />
        </details>
      </>
    )
  }
  const marked = (
    <>
      <h3>{t('run.markedText')}</h3>
      <ReviewText draft={draft} />
    </>
  )
  return draft.kind === 'seo_clusters' ? (
    <>
      {structured}
      {marked}
    </>
  ) : (
    <>
      {/* Something to review: the marked text comes first, the structured view after it. */}
      {marked}
      {structured}
    </>
  )
}

/** `run`: the run the draft belongs to; an SEO plan is edited in place by its author while under review. */
export function DraftView({ draft, run }: { draft: Draft; run: Run }) {
  const { t, lang } = useI18n()
  // The run is polled while it is active; the draft object stays the same while nothing changed.
  const structured = useMemo(() => structuredView(draft, run), [draft, run])
  // An SEO plan is edited as structure (keywords moved between clusters) and its text derived from
  // it, so an edited plan is still shown as the plan; other kinds' edits are edits of the text.
  const editedStructure = draft.kind === 'seo_clusters'
  return (
    <div className="card draft">
      <div className="draft-head">
        <h2>{t('run.draft', { version: draft.version })}</h2>
        <EngineBadge draft={draft} />
      </div>
      <p className="muted small" data-testid="draft-meta">
        {/* An edit keeps the AI draft's prompt fields; no prompt wrote its words, so none is named. */}
        {draft.engine !== 'human' && <>{t('run.prompt', { id: draft.promptId, version: draft.promptVersion })} · </>}
        {t(`lang.${draft.lang}`)} · {formatDateTime(draft.createdAt, lang)}
      </p>
      {draft.engineNote && (
        <p className="engine-note small" role="note" data-testid="engine-note">
          {t('run.engineNote', { note: draft.engineNote })}
        </p>
      )}
      {draft.feedback && (
        <div className="feedback-box" data-testid="draft-feedback">
          <p className="small">{t('run.feedback')}</p>
          <blockquote className="pre-wrap">{draft.feedback}</blockquote>
        </div>
      )}
      {draft.engine === 'human' && !editedStructure ? (
        <HumanDraftBody draft={draft} structured={structured} />
      ) : (
        <>
          {draft.engine === 'human' && <EditSummary draft={draft} />}
          <StructuredBody draft={draft} structured={structured} />
        </>
      )}
    </div>
  )
}
