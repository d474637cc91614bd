import { useCallback, useMemo, useState } from 'react'
import type { SeoDraft } from '../../../../../contracts/drafts'
import type { Run } from '../../../../../contracts/runs'
import { useI18n } from '../../../i18n'
import { errorText } from '../../../lib/error-text'
import { plural } from '../../../lib/plural'
import { seoProblemDetail, seoProblemLabel } from '../../../lib/seo-labels'
import { useCurrentUser } from '../../auth/current-user'
import { isAuthor } from '../permissions'
import { useEditDraft } from '../queries'
import { countsUrls } from '../../new-brief/seo-model'
import { SeoClusterTable } from './seo-cluster-table'
import { SeoKeywordList, type Target } from './seo-keyword-list'
import { entriesOf, homesOf, layoutOf, movedContent, UNCLUSTERED, withMove, type Moves, type Place } from './seo-moves'

/** A run with many duplicates in its export: the first rows say what went wrong, the count says how much. */
const SHOWN_PROBLEMS = 200

function Summary({ draft }: { draft: SeoDraft }) {
  const { t, lang } = useI18n()
  const threshold = draft.threshold.toLocaleString(lang)
  return (
    <p
      className="seo-summary"
      data-testid="seo-summary"
      data-mode={draft.mode}
      data-threshold={draft.threshold}
      data-clusters={draft.clusters.length}
      data-unclustered={draft.unclustered.length}
      data-problems={draft.problems.length}
    >
      <span className="tag">{t(`seo.mode.${draft.mode}`)}</span>{' '}
      {[
        t(countsUrls(draft.mode) ? 'seo.summary.thresholdSerp' : 'seo.summary.thresholdSimilarity', {
          n: threshold,
        }),
        plural('seo.n.clusters', draft.clusters.length, t, lang),
        t('seo.summary.unclustered', { n: draft.unclustered.length.toLocaleString(lang) }),
        plural('seo.n.skipped', draft.problems.length, t, lang),
      ].join(' · ')}
    </p>
  )
}

function Problems({ problems }: { problems: SeoDraft['problems'] }) {
  const { t } = useI18n()
  if (problems.length === 0) return null
  return (
    <details className="seo-problems" data-testid="seo-problems">
      <summary>{t('seo.problemsTitle', { n: problems.length })}</summary>
      <ul className="seo-problem-list small">
        {problems.slice(0, SHOWN_PROBLEMS).map((p) => (
          <li key={`${p.line}-${p.problem}`} data-testid="seo-problem" data-line={p.line} data-problem={p.problem}>
            {t('seo.problem.line', { line: p.line })}: {seoProblemLabel(p.problem, t)}{' '}
            <span className="muted">— {seoProblemDetail(p, t)}</span>
          </li>
        ))}
        {problems.length > SHOWN_PROBLEMS && <li className="muted">{t('seo.import.more', { n: problems.length - SHOWN_PROBLEMS })}</li>}
      </ul>
    </details>
  )
}

function ExportLinks({ runId, version }: { runId: string; version: number }) {
  const { t, lang } = useI18n()
  // the file's headers and labels in the reader's language
  const href = (format: 'csv' | 'xlsx') => `/api/runs/${encodeURIComponent(runId)}/drafts/${version}/export?format=${format}&lang=${lang}`
  return (
    <p className="seo-export small">
      <span className="muted">{t('seo.export', { version })}</span>{' '}
      <a className="button button-small" href={href('csv')} download data-testid="seo-export-csv">
        CSV
      </a>{' '}
      <a className="button button-small" href={href('xlsx')} download data-testid="seo-export-xlsx">
        XLSX
      </a>
    </p>
  )
}

type BarProps = {
  count: number
  version: number
  canSave: boolean
  saving: boolean
  error: string | null
  onSave: () => void
  onDiscard: () => void
}

/** Unsaved moves: how many, and save them as the next version or drop them. */
function MovesBar({ count, version, canSave, saving, error, onSave, onDiscard }: BarProps) {
  const { t, lang } = useI18n()
  return (
    <section className="seo-moves-bar" aria-label={t('seo.moves.region')} data-testid="seo-moves-bar" data-count={count}>
      <p>
        <strong data-testid="seo-moves-count">{plural('seo.n.changes', count, t, lang)}</strong>{' '}
        <span className="muted small">{canSave ? t('seo.moves.note') : t('seo.moves.stale')}</span>
      </p>
      {error && (
        <p className="form-error" role="alert" data-testid="seo-moves-error">
          {error}
        </p>
      )}
      <div className="decision-buttons">
        <button type="button" className="button button-primary" data-testid="seo-save-moves" disabled={!canSave || saving} onClick={onSave}>
          {saving ? t('edit.saving') : t('edit.save', { version: version + 1 })}
        </button>
        <button type="button" className="button" data-testid="seo-discard-moves" disabled={saving} onClick={onDiscard}>
          {t('seo.moves.discard')}
        </button>
      </div>
    </section>
  )
}

/** Cluster labels as a move select lists them: A to Z, a repeated label told apart by its pillar. */
function targetsOf(draft: SeoDraft, unclustered: string, lang: string): Target[] {
  const counts = new Map<string, number>()
  for (const c of draft.clusters) counts.set(c.label, (counts.get(c.label) ?? 0) + 1)
  const clusters = draft.clusters
    .map((c, i): Target => ({ place: i, label: (counts.get(c.label) ?? 0) > 1 ? `${c.label} · ${c.pillar}` : c.label }))
    .sort((a, b) => a.label.localeCompare(b.label, lang))
  return [{ place: UNCLUSTERED, label: unclustered }, ...clusters]
}

/**
 * Keyword clusters and their content plan. The author of a draft under review moves keywords
 * between clusters here; the moves are the writer's edit, saved as the next version (the server
 * derives pillars, totals and plans again), and every gate starts over.
 */
export function SeoDraftView({ draft, run, version }: { draft: SeoDraft; run: Run; version: number }) {
  const { t, lang } = useI18n()
  const me = useCurrentUser()
  const edit = useEditDraft(run.id)
  const [moves, setMoves] = useState<Moves>(() => new Map())
  const homes = useMemo(() => homesOf(draft), [draft])
  const layout = useMemo(() => layoutOf(draft, moves), [draft, moves])
  const canMove = isAuthor(run, me) && run.status === 'awaiting_review' && run.draft?.version === version
  const targets = useMemo(() => targetsOf(draft, t('seo.unclusteredOption'), lang), [draft, t, lang])
  const labelOf = useCallback((p: Place) => (p === UNCLUSTERED ? t('seo.unclusteredOption') : (draft.clusters[p]?.label ?? '')), [draft, t])
  const onMove = (keyword: string, to: Place) => {
    edit.reset()
    setMoves((m) => withMove(m, homes, keyword, to))
  }

  const save = () => edit.mutate({ version, content: movedContent(draft, layout) })
  const discard = () => {
    edit.reset()
    setMoves(new Map())
  }
  // Moves stay listed after the run moved on (a reviewer decided), so the writer sees what was not saved.
  const movable = canMove || moves.size > 0 ? targets : null

  return (
    <div className="seo-draft">
      <Summary draft={draft} />
      <ExportLinks runId={run.id} version={version} />
      {canMove && moves.size === 0 && <p className="muted small">{t('seo.moves.hint')}</p>}

      <SeoClusterTable draft={draft} moves={moves} layout={layout} targets={movable} labelOf={labelOf} onMove={onMove} />

      <section className="seo-unclustered" data-testid="seo-unclustered" data-count={layout.unclustered.length}>
        <h3>{t('seo.unclusteredTitle', { n: layout.unclustered.length.toLocaleString(lang) })}</h3>
        {draft.unclustered.length + (layout.movedIn.get(UNCLUSTERED)?.length ?? 0) === 0 ? (
          <p className="muted">{t('seo.unclusteredNone')}</p>
        ) : (
          <>
            <p className="muted small">{t('seo.unclusteredHelp')}</p>
            <SeoKeywordList
              draft={draft}
              entries={entriesOf(draft.unclustered, UNCLUSTERED, moves, layout)}
              targets={movable}
              labelOf={labelOf}
              onMove={onMove}
            />
          </>
        )}
      </section>

      <Problems problems={draft.problems} />
      {/* Last in the view and sticky: in sight wherever the writer is in a long table. */}
      {moves.size > 0 && (
        <MovesBar
          count={moves.size}
          version={version}
          canSave={canMove}
          saving={edit.isPending}
          error={edit.isError ? errorText(edit.error, t) : null}
          onSave={save}
          onDiscard={discard}
        />
      )}
    </div>
  )
}
