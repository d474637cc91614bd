import type { InterviewDraft } from '../../../../../contracts/drafts'
import { useI18n } from '../../../i18n'

/** How the segments (new, churned …) differ: their top topics, and the differences in words. */
export function SegmentsView({ segments, differences }: Pick<InterviewDraft, 'segments' | 'differences'>) {
  const { t } = useI18n()
  if (segments.length === 0 && differences.length === 0) return null
  return (
    <section className="segments-view">
      <h4>{t('interview.segments')}</h4>
      {segments.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('interview.col.segment')}</th>
                <th scope="col">{t('interview.col.count')}</th>
                <th scope="col">{t('interview.col.top')}</th>
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => (
                <tr key={s.segment} data-testid="interview-segment-row" data-segment={s.segment}>
                  <td>{s.segment}</td>
                  <td>{s.interviews}</td>
                  <td>
                    {s.top.length === 0
                      ? t('common.none')
                      : s.top.map((x) => t('interview.topicCount', { label: x.label, n: x.interviews })).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {differences.length > 0 && (
        <div data-testid="interview-differences">
          <h4>{t('interview.differences')}</h4>
          <ul className="plain-list">
            {differences.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
