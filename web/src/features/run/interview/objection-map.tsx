import type { InterviewDraft } from '../../../../../contracts/drafts'
import { useI18n } from '../../../i18n'
import { useOpenInterview } from './quote-nav'
import { QuoteLink } from './quote-link'

/** The interview ids as buttons that open each one. */
function InterviewIds({ ids }: { ids: readonly string[] }) {
  const { t } = useI18n()
  const open = useOpenInterview()
  return (
    <span className="interview-ids">
      {ids.map((id) => (
        <button key={id} type="button" className="link-button" title={t('interview.open', { id })} onClick={() => open(id)}>
          {id}
        </button>
      ))}
    </span>
  )
}

/** Each objection or barrier → how many of the interviews raised it, which ones, and one quote. */
export function ObjectionMap({ rows, total }: { rows: InterviewDraft['objectionMap']; total: number }) {
  const { t } = useI18n()
  return (
    <section className="objection-map">
      <h4>{t('interview.objectionMap')}</h4>
      {rows.length === 0 ? (
        <p className="muted small">{t('interview.noneFound')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('interview.col.topic')}</th>
                <th scope="col">{t('interview.col.count')}</th>
                <th scope="col">{t('interview.col.which')}</th>
                <th scope="col">{t('interview.col.example')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={`${r.kind} ${r.key}`}
                  data-testid="objection-map-row"
                  data-key={r.key}
                  data-kind={r.kind}
                  data-interviews={r.interviews}
                >
                  <td>
                    <strong>{r.label}</strong>
                    <br />
                    <span className={`tag topic-${r.kind}`}>{t(`interview.kind.${r.kind}`)}</span>
                  </td>
                  <td className="nowrap">
                    {t('interview.countOf', { n: r.interviews, total })}
                    <span className="share-bar" aria-hidden="true">
                      <span style={{ width: `${Math.min(100, (r.interviews / Math.max(1, total)) * 100)}%` }} />
                    </span>
                  </td>
                  <td>
                    <InterviewIds ids={r.which} />
                  </td>
                  <td className="map-example">
                    <QuoteLink quote={r.example} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
