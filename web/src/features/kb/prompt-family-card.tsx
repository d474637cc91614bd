import type { PromptFamily } from '../../../../contracts/kb'
import { useI18n } from '../../i18n'
import { promptName, versionLabel } from '../../lib/labels'
import { formatDate } from '../../lib/format'
import { Link } from '../../lib/router'
import { CompareForm } from './compare-form'
import { promptVersionHref } from './prompt-paths'
import { promptStatCells, STAT_COLUMNS } from './prompt-stats'

/** One prompt (id and language): every version it had, oldest first, with how its drafts fared. */
export function PromptFamilyCard({ family }: { family: PromptFamily }) {
  const { t, lang } = useI18n()
  return (
    <section
      className="card"
      data-testid="prompt-family"
      data-id={family.id}
      data-lang={family.lang}
      data-versions={family.versions.length}
    >
      <h2>
        {promptName(family.id, t)} <span className="tag">{t(`lang.${family.lang}`)}</span>
      </h2>
      <div className="table-wrap">
        <table className="table prompt-table">
          <thead>
            <tr>
              <th scope="col">{t('prompts.col.version')}</th>
              <th scope="col">{t('prompts.col.changelog')}</th>
              {STAT_COLUMNS.map((c) => (
                <th key={c} scope="col" className="num">
                  {t(`prompts.stat.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {family.versions.map((v) => {
              const cells = promptStatCells(v.stats, lang)
              return (
                <tr
                  key={v.version}
                  data-testid="prompt-version-row"
                  data-version={v.version}
                  data-runs={v.stats.runs}
                  data-approved={v.stats.approved}
                >
                  <td className="nowrap">
                    <Link to={promptVersionHref(family.id, family.lang, v.version)} data-testid="prompt-version-link">
                      {versionLabel(v.version, t)}
                    </Link>
                    <span className="muted small prompt-version-meta">
                      {t('prompts.ownerSince', { owner: v.owner, date: formatDate(v.firstSeenAt, lang) })}
                    </span>
                  </td>
                  <td className="prompt-changelog" lang={family.lang === lang ? undefined : family.lang}>
                    {v.changelog}
                  </td>
                  {STAT_COLUMNS.map((c) => (
                    <td key={c} className="num" data-stat={c}>
                      {cells[c]}
                      {c === 'meanCost' && v.stats.meanCostUsd !== null && (
                        <span className="muted small prompt-costed">{t('prompts.costedRuns', { n: v.stats.costedRuns })}</span>
                      )}
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {family.versions.length > 1 ? (
        <CompareForm family={family} />
      ) : (
        <p className="muted small" data-testid="prompt-single-version">
          {t('prompts.singleVersion')}
        </p>
      )}
    </section>
  )
}
