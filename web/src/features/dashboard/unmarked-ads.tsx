import type { UnmarkedAd } from '../../../../contracts/usage'
import { useI18n } from '../../i18n'
import { channelLabel } from '../../lib/channel-label'
import { formatDateTime } from '../../lib/format'
import { Link } from '../../lib/router'

/** Approved paid ads without their erid (released before erids were recorded): each opens its run. */
export function UnmarkedAds({ items }: { items: UnmarkedAd[] }) {
  const { t, lang } = useI18n()
  if (items.length === 0)
    return (
      <p className="muted" data-testid="unmarked-ads-none">
        {t('dash.unmarked.none')}
      </p>
    )
  return (
    <div className="table-wrap">
      <table className="table" data-testid="unmarked-ads-table">
        <thead>
          <tr>
            <th scope="col">{t('dash.overdue.brief')}</th>
            <th scope="col">{t('dash.unmarked.channel')}</th>
            <th scope="col">{t('dash.overdue.author')}</th>
            <th scope="col">{t('dash.unmarked.approvedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.runId} data-testid="unmarked-ad" data-run={a.runId}>
              <td>
                <Link to={`/runs/${a.runId}`}>{a.title}</Link>
              </td>
              <td>{channelLabel(a.channel, t)}</td>
              <td>{a.author}</td>
              <td className="nowrap">{formatDateTime(a.approvedAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
