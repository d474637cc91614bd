import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import type { Draft, Run } from '../../../../contracts/runs'
import { ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { versionLabel } from '../../lib/labels'
import { formatDateTime, formatShare } from '../../lib/format'
import { engineLabel } from './engine-label'
import { Fold } from './fold'
import { draftQuery } from './queries'
import { WordDiff } from './word-diff'

type Pair = { from: number; to: number }

/** Previous against current: what the last redraft or edit changed. */
function defaultPair(versions: number[]): Pair {
  const to = versions.at(-1) ?? 1
  return { from: versions.at(-2) ?? to, to }
}

/** Who wrote one side of the comparison, and for an edit how much of the AI's text it changed. */
function VersionSummary({ draft, side }: { draft: Draft; side: 'from' | 'to' }) {
  const { t, lang } = useI18n()
  return (
    <div className="compare-version" data-testid={`compare-${side}-version`} data-version={draft.version} data-engine={draft.engine}>
      <p>
        <strong>{versionLabel(draft.version, t)}</strong> · {engineLabel(draft.engine, t, draft.model)}
        <span className="muted small"> · {formatDateTime(draft.createdAt, lang)}</span>
      </p>
      {draft.edit && (
        <p className="small" data-testid="compare-edit-summary" data-ratio={draft.edit.ratio} data-distance={draft.edit.distance}>
          {t('compare.editShare', { share: formatShare(draft.edit.ratio, lang), distance: draft.edit.distance, ai: draft.edit.aiVersion })}
        </p>
      )}
    </div>
  )
}

function VersionSelect({
  side,
  value,
  versions,
  drafts,
  onChange,
}: {
  side: 'from' | 'to'
  value: number
  versions: number[]
  drafts: Run['drafts']
  onChange: (v: number) => void
}) {
  const { t } = useI18n()
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t(`compare.${side}`)}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={`compare-${side}`}>
        {versions.map((v) => {
          const engine = drafts.find((d) => d.version === v)?.engine
          return (
            <option key={v} value={v}>
              {engine ? t('compare.option', { version: v, engine: engineLabel(engine, t) }) : versionLabel(v, t)}
            </option>
          )
        })}
      </select>
    </div>
  )
}

/**
 * Any two versions of the run's draft side by side as a word diff; both are fetched in full, once
 * the reader unfolds it: a reference for what changed, not a step of the review.
 */
export function DraftCompare({ run }: { run: Run }) {
  const { t } = useI18n()
  const versions = run.drafts.map((d) => d.version).sort((a, b) => a - b)
  const [open, setOpen] = useState(false)
  // Until the reader picks, the pair follows the newest version (a redraft or an edit moves it on).
  const [picked, setPicked] = useState<Pair | null>(null)
  const pair = picked ?? defaultPair(versions)
  const from = useQuery({ ...draftQuery(run.id, pair.from), enabled: open && versions.length > 1 })
  const to = useQuery({ ...draftQuery(run.id, pair.to), enabled: open && versions.length > 1 })

  if (versions.length < 2) return null
  const edit = run.draft?.engine === 'human' ? run.draft.edit : null
  const aiPair = edit && run.draft ? { from: edit.aiVersion, to: run.draft.version } : null
  const isAiPair = aiPair !== null && pair.from === aiPair.from && pair.to === aiPair.to

  return (
    // The id is the target of the "what changed" link by an edited draft (draft-view.tsx).
    <Fold
      title={t('compare.title')}
      summary={<span className="muted small">{`${versionLabel(pair.from, t)} → ${versionLabel(pair.to, t)}`}</span>}
      open={open}
      onToggle={setOpen}
      className="draft-compare"
      id="draft-compare"
      testId="draft-compare"
      data-from={pair.from}
      data-to={pair.to}
    >
      <div className="compare-controls">
        <VersionSelect
          side="from"
          value={pair.from}
          versions={versions}
          drafts={run.drafts}
          onChange={(v) => setPicked({ ...pair, from: v })}
        />
        <span className="compare-arrow" aria-hidden="true">
          →
        </span>
        <VersionSelect side="to" value={pair.to} versions={versions} drafts={run.drafts} onChange={(v) => setPicked({ ...pair, to: v })} />
        {aiPair && (
          <button
            type="button"
            className="button button-small"
            data-testid="compare-ai-edited"
            aria-pressed={isAiPair}
            onClick={() => setPicked(aiPair)}
          >
            {t('compare.aiToEdited')}
          </button>
        )}
      </div>

      {!open ? null : pair.from === pair.to ? (
        <p className="muted">{t('compare.same')}</p>
      ) : from.isPending || to.isPending ? (
        <Loading />
      ) : from.isError || to.isError ? (
        <ErrorState
          error={from.error ?? to.error}
          onRetry={() => {
            if (from.isError) void from.refetch()
            if (to.isError) void to.refetch()
          }}
        />
      ) : (
        <>
          <div className="compare-versions">
            <VersionSummary draft={from.data} side="from" />
            <VersionSummary draft={to.data} side="to" />
          </div>
          <WordDiff before={from.data.text} after={to.data.text} />
        </>
      )}
    </Fold>
  )
}
