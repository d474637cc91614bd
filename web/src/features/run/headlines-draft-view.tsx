import type { HeadlinesDraft } from '../../../../contracts/drafts'
import { useI18n } from '../../i18n'

// At 90 % of the channel's limit a headline has no room left for an edit: the length is flagged.
const NEAR_LIMIT = 0.9

function LengthCell({ length, max }: { length: number; max: number }) {
  const { t } = useI18n()
  const level = length > max ? 'over' : length >= max * NEAR_LIMIT ? 'near' : 'ok'
  return (
    <td className={`headline-length length-${level}`} data-level={level} title={t('headlines.lengthTitle', { n: length, max })}>
      <span className="nowrap">
        {length}/{max}
      </span>
      <span className="length-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, (length / max) * 100)}%` }} />
      </span>
      {level !== 'ok' && <span className="visually-hidden"> {t(level === 'over' ? 'headlines.overLimit' : 'headlines.nearLimit')}</span>}
    </td>
  )
}

/** The dropped headlines are behind a disclosure: the writer asks why only when a favourite is missing. */
function DroppedList({ dropped }: { dropped: HeadlinesDraft['dropped'] }) {
  const { t } = useI18n()
  if (dropped.length === 0) return null
  return (
    <details className="headlines-dropped" data-testid="headlines-dropped">
      <summary>{t('headlines.dropped', { n: dropped.length })}</summary>
      <ul className="dropped-list">
        {dropped.map((d, i) => (
          <li key={i} data-testid="headline-dropped" data-reason={d.reason}>
            <span className="dropped-text">{d.text}</span> <span className="tag">{t(`angle.${d.angle}`)}</span>
            <br />
            <span className="muted small">{t(`headlines.reason.${d.reason}`, { detail: d.detail })}</span>
          </li>
        ))}
      </ul>
    </details>
  )
}

/** The headline set as a table: one row per headline, its angle (the A/B hypothesis), its length against the limit. */
export function HeadlinesDraftView({ draft }: { draft: HeadlinesDraft }) {
  const { t, lang } = useI18n()
  const { headlines, abPair, maxLength } = draft
  // The pair indexes into `headlines`; a pair pointing outside the set is not shown rather than guessed.
  const pair = abPair && headlines[abPair.a] && headlines[abPair.b] && abPair.a !== abPair.b ? abPair : null
  const abOf = (i: number) => (pair?.a === i ? 'A' : pair?.b === i ? 'B' : null)

  return (
    <div className="headlines-draft">
      <div className="headlines-head">
        <h3>{t('headlines.title', { n: headlines.length })}</h3>
        <p className="muted small">
          {t('headlines.limit', { max: maxLength })} ·{' '}
          <span data-testid="headlines-distinct2" data-value={draft.distinct2} title={t('headlines.distinct2Help')}>
            {t('headlines.distinct2', {
              value: draft.distinct2.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
            })}
          </span>
        </p>
      </div>

      {pair && (
        <div className="ab-box" data-testid="headlines-ab" data-a={pair.a} data-b={pair.b}>
          <p>
            <strong>{t('headlines.abTitle')}:</strong> <span className="ab-badge">{t('headlines.ab.A')}</span> {pair.a + 1} ·{' '}
            <span className="ab-badge">{t('headlines.ab.B')}</span> {pair.b + 1}
          </p>
          <p className="small">{pair.why}</p>
        </div>
      )}

      <div className="table-wrap">
        <table className="table headlines-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('headlines.col.text')}</th>
              <th scope="col">{t('headlines.col.angle')}</th>
              <th scope="col">{t('headlines.col.length')}</th>
            </tr>
          </thead>
          <tbody>
            {headlines.map((h, i) => {
              const ab = abOf(i)
              return (
                <tr key={i} className={ab ? 'ab-row' : undefined} data-testid="headline-row" data-angle={h.angle} data-ab={ab ?? undefined}>
                  <td className="muted">{i + 1}</td>
                  <td className="headline-text">
                    {ab && (
                      <span className="ab-badge" title={t('headlines.abVariant', { v: t(`headlines.ab.${ab}`) })}>
                        {t(`headlines.ab.${ab}`)}
                      </span>
                    )}{' '}
                    {h.text}
                  </td>
                  <td>
                    <span className="tag">{t(`angle.${h.angle}`)}</span>
                  </td>
                  <LengthCell length={h.length} max={maxLength} />
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>

      <DroppedList dropped={draft.dropped} />

      {draft.missing.length > 0 && (
        <div className="missing-box" data-testid="headlines-missing">
          <h3>{t('run.missing')}</h3>
          <ul>
            {draft.missing.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
