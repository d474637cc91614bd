import { lazy, Suspense, useMemo, type ReactNode } from 'react'
import type { Draft, Run } from '../../../../contracts/runs'
import { Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { promptName } from '../../lib/labels'
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

/** Unfolds the comparison (draft-compare.tsx), further down the run page, and brings it into view. */
function showCompare() {
  const fold = document.getElementById('draft-compare')
  if (!(fold instanceof HTMLDetailsElement)) return
  fold.open = true
  fold.scrollIntoView({ behavior: 'smooth', block: 'start' })
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
      <button type="button" className="link-button" data-testid="show-changes" onClick={showCompare}>
        {t('run.showChanges')}
      </button>
    </p>
  )
}

/** What the fold of each kind's structured view holds, in the words of its summary line. */
const STRUCTURE_LABEL = {
  offer: 'run.structure.offer',
  headlines: 'run.structure.headlines',
  interview_summary: 'run.structure.interview_summary',
} as const

/**
 * The text is the draft: it carries the risk marks, the threads' words, and it is what an edit
 * changes. The structured view repeats the same words parsed by field, so it is folded under the
 * text. Folded shut when the policy marked something: the marked text is then what a reviewer must
 * read, and the fields only repeat it. Open when nothing is marked: the reviewer's work is then
 * what only the structure shows (an offer's proofs given or needed, the headlines' lengths against
 * the channel's limit and their angles, an interview's quotes against its transcripts).
 * A writer's edit: the structure was parsed from the AI draft's content and may no longer match
 * the edited words, so it stays folded and says which version it is.
 */
function TextFirstBody({ draft, run, structured }: { draft: Draft; run: Run; structured: ReactNode }) {
  const { t } = useI18n()
  const edited = draft.engine === 'human'
  const kind = draft.kind === 'seo_clusters' ? null : draft.kind
  return (
    <>
      {edited && <EditSummary draft={draft} />}
      <ReviewText draft={draft} runId={run.id} />
      {kind && (
        <details
          className="draft-structure"
          data-testid={edited ? 'ai-structure' : 'draft-structure'}
          open={!edited && !hasPolicyFindings(draft)}
        >
          <summary>{edited ? t('run.aiStructure', { version: draft.edit?.aiVersion ?? draft.version }) : t(STRUCTURE_LABEL[kind])}</summary>
          {structured}
        </details>
      )}
    </>
  )
}

/**
 * An SEO plan is reviewed as the plan: its text is the plan listed keyword by keyword, derived from
 * it, so the plan leads and the text is folded under it. Open when the policy marked something in
 * the text, since the marks are only there; folded otherwise, a copy of the plan to take away.
 * An edited plan is still a plan (keywords moved between clusters), so it is shown the same way.
 */
function PlanFirstBody({ draft, run, structured }: { draft: Draft; run: Run; structured: ReactNode }) {
  const { t } = useI18n()
  const findings = hasPolicyFindings(draft)
  return (
    <>
      {draft.engine === 'human' && <EditSummary draft={draft} />}
      {structured}
      <details className="draft-structure" data-testid="draft-derived-text" open={findings}>
        <summary>{findings ? t('run.markedText') : t('run.plainText')}</summary>
        <ReviewText draft={draft} runId={run.id} />
      </details>
    </>
  )
}

/** `run`: the run the draft belongs to; an SEO plan is edited in place by its author while under review. */
export function DraftView({ draft, run }: { draft: Draft; run: Run }) {
  const { t, lang } = useI18n()
  // The run is polled while it is active; the draft object stays the same while nothing changed.
  const structured = useMemo(() => structuredView(draft, run), [draft, run])
  return (
    <div className="card draft">
      <div className="draft-head">
        <h2>{t('run.draft', { version: draft.version })}</h2>
        <EngineBadge draft={draft} />
      </div>
      <p className="muted small" data-testid="draft-meta">
        {/* An edit keeps the AI draft's prompt fields; no prompt wrote its words, so none is named. */}
        {draft.engine !== 'human' && <>{t('run.prompt', { name: promptName(draft.promptId, t), version: draft.promptVersion })} · </>}
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
      {draft.kind === 'seo_clusters' ? (
        <PlanFirstBody draft={draft} run={run} structured={structured} />
      ) : (
        <TextFirstBody draft={draft} run={run} structured={structured} />
      )}
    </div>
  )
}
