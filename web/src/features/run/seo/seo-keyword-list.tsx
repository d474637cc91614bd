import { useState } from 'react'
import type { SeoDraft } from '../../../../../contracts/drafts'
import { useI18n } from '../../../i18n'
import { UNCLUSTERED, type KeywordEntry, type Place } from './seo-moves'

/** A place a keyword can be moved to, by its label; clusters in the order the select lists them. */
export type Target = { place: Place; label: string }

/**
 * Past this many clusters a select lists them only once focused or pressed: a hundred keyword rows
 * times hundreds of clusters is tens of thousands of options (seconds to render, and on every move).
 */
const EAGER_OPTIONS = 150
/** Rows shown before "show all": a big cluster or a lexical run's unclustered list runs to thousands. */
const SHOWN_KEYWORDS = 100

const placeValue = (p: Place) => (p === UNCLUSTERED ? UNCLUSTERED : String(p))
const placeOf = (value: string): Place => (value === UNCLUSTERED ? UNCLUSTERED : Number(value))

function MoveSelect({
  entry,
  targets,
  onMove,
}: {
  entry: KeywordEntry
  targets: readonly Target[]
  onMove: (keyword: string, to: Place) => void
}) {
  const { t } = useI18n()
  const [full, setFull] = useState(targets.length <= EAGER_OPTIONS)
  const shown = full ? targets : targets.filter((x) => x.place === entry.place || x.place === UNCLUSTERED)
  return (
    <select
      className="seo-move-select"
      data-testid="seo-move-select"
      data-keyword={entry.keyword}
      aria-label={t('seo.moveTo', { keyword: entry.keyword })}
      value={placeValue(entry.place)}
      onFocus={() => setFull(true)}
      onPointerDown={() => setFull(true)}
      onChange={(e) => onMove(entry.keyword, placeOf(e.target.value))}
    >
      {shown.map((x) => (
        <option key={placeValue(x.place)} value={placeValue(x.place)}>
          {x.label}
        </option>
      ))}
    </select>
  )
}

type Props = {
  draft: SeoDraft
  entries: readonly KeywordEntry[]
  /** Null: the keywords cannot be moved (not the author, or the draft is not awaiting review). */
  targets: readonly Target[] | null
  labelOf: (place: Place) => string
  onMove: (keyword: string, to: Place) => void
  pillar?: string
}

/** Keywords with their frequency and, for the author of a draft under review, where to move each one. */
export function SeoKeywordList({ draft, entries, targets, labelOf, onMove, pillar }: Props) {
  const { t, lang } = useI18n()
  const [all, setAll] = useState(false)
  const shown = all ? entries : entries.slice(0, SHOWN_KEYWORDS)
  return (
    <>
      <div className="table-wrap">
        <table className="table seo-keyword-table">
          <thead>
            <tr>
              <th scope="col">{t('seo.col.keyword')}</th>
              <th scope="col" className="num">
                {t('seo.col.frequency')}
              </th>
              {targets && <th scope="col">{t('seo.col.moveTo')}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => {
              const frequency = draft.frequencies[e.keyword] ?? null
              return (
                <tr
                  key={e.keyword}
                  className={e.moved ? `seo-moved-${e.moved}` : undefined}
                  data-testid="seo-keyword"
                  data-keyword={e.keyword}
                  data-frequency={frequency ?? ''}
                  data-moved={e.moved ?? undefined}
                >
                  <td>
                    {e.keyword}
                    {e.keyword === pillar && <span className="tag seo-pillar-tag">{t('seo.pillarTag')}</span>}
                    {e.moved === 'out' && <span className="tag seo-move-tag">{t('seo.movedOut', { target: labelOf(e.place) })}</span>}
                    {e.moved === 'in' && <span className="tag seo-move-tag">{t('seo.movedIn')}</span>}
                  </td>
                  <td className="num">{frequency === null ? t('common.none') : frequency.toLocaleString(lang)}</td>
                  {targets && (
                    <td>
                      <MoveSelect entry={e} targets={targets} onMove={onMove} />
                    </td>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {entries.length > shown.length && (
        <button type="button" className="button button-small seo-show-all" onClick={() => setAll(true)}>
          {t('seo.showAll', { n: entries.length })}
        </button>
      )}
    </>
  )
}
