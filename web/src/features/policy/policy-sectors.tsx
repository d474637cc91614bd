import type { PolicyView } from '../../../../contracts/policy'
import { useI18n } from '../../i18n'
import { categoryLabel, categorySeverity } from '../../lib/risk-category'
import { OTHER_SECTOR, sectorLabel } from './sector-label'

/** What a brief may declare it advertises, and the risk categories each sector brings; "other" is built in. */
export function PolicySectors({ sectors }: { sectors: PolicyView['sectors'] }) {
  const { t, lang } = useI18n()
  return (
    <div className="table-wrap">
      <table className="table" data-testid="policy-sectors">
        <thead>
          <tr>
            <th>{t('policy.col.sector')}</th>
            <th>{t('policy.col.categories')}</th>
          </tr>
        </thead>
        <tbody>
          {sectors.map((s) => (
            <tr key={s.id} data-testid="policy-sector" data-sector={s.id}>
              <td>
                <strong>{sectorLabel(s.id, sectors, t, lang)}</strong> <code className="muted small">{s.id}</code>
              </td>
              <td className="chips">
                {s.categories.map((c) => (
                  <span key={c} className={`cat cat-${categorySeverity(c)}`} title={c}>
                    {categoryLabel(c, t)}
                  </span>
                ))}
              </td>
            </tr>
          ))}
          <tr data-testid="policy-sector" data-sector={OTHER_SECTOR}>
            <td>
              <strong>{t('sector.other')}</strong> <code className="muted small">{OTHER_SECTOR}</code>
            </td>
            <td className="muted">{t('policy.sectorOtherHelp')}</td>
          </tr>
        </tbody>
      </table>
    </div>
  )
}
