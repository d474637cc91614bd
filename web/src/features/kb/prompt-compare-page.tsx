import { useQuery } from '@tanstack/react-query'
import type { Lang } from '../../../../contracts/briefs'
import type { PromptCompare } from '../../../../contracts/kb'
import { EmptyState, ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { promptName, versionLabel } from '../../lib/labels'
import { formatDateTime } from '../../lib/format'
import { Link } from '../../lib/router'
import { LineDiff } from './line-diff'
import { promptVersionHref } from './prompt-paths'
import { promptStatCells, STAT_COLUMNS } from './prompt-stats'
import { promptCompareQuery } from './queries'

type Side = PromptCompare['a']

/** The two versions' settings and records in two columns. */
function SideBySide({ a, b, copyLang }: { a: Side; b: Side; copyLang: Lang | undefined }) {
  const { t, lang } = useI18n()
  const [ca, cb] = [promptStatCells(a.stats, lang), promptStatCells(b.stats, lang)]
  const row = (label: string, x: string, y: string, testId?: string, textLang?: Lang) => (
    <tr key={label} data-testid={testId}>
      <th scope="row">{label}</th>
      <td lang={textLang}>{x}</td>
      <td lang={textLang}>{y}</td>
    </tr>
  )
  return (
    <div className="table-wrap">
      <table className="table compare-table" data-testid="prompt-compare-table">
        <thead>
          <tr>
            <th scope="col" />
            {[a, b].map((s) => (
              <th key={s.version} scope="col">
                <Link to={promptVersionHref(s.id, s.lang, s.version)}>{versionLabel(s.version, t)}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row(t('prompts.col.owner'), a.owner, b.owner)}
          {row(t('prompts.col.changelog'), a.changelog, b.changelog, undefined, copyLang)}
          {row(t('prompts.col.firstSeen'), formatDateTime(a.firstSeenAt, lang), formatDateTime(b.firstSeenAt, lang))}
          {row(t('prompts.temperature'), String(a.temperature ?? '—'), String(b.temperature ?? '—'))}
          {STAT_COLUMNS.map((c) => row(t(`prompts.stat.${c}`), ca[c], cb[c], `prompt-compare-${c}`))}
        </tbody>
      </table>
    </div>
  )
}

/** Two versions of one prompt side by side, with the lines that changed from the first to the second. */
export function PromptComparePage({ id, lang: promptLang, a, b }: { id: string; lang: string; a: string | null; b: string | null }) {
  const { t, lang } = useI18n()
  const query = useQuery({ ...promptCompareQuery(id, promptLang, a ?? '', b ?? ''), enabled: Boolean(a && b) })
  const back = (
    <p className="breadcrumb">
      <Link to="/kb/prompts">{t('prompts.back')}</Link>
    </p>
  )
  if (!a || !b) {
    return (
      <>
        {back}
        <EmptyState testId="prompt-compare-missing">
          <p>{t('prompts.pickTwo')}</p>
        </EmptyState>
      </>
    )
  }
  if (query.isPending) return <Loading />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  const c = query.data
  const copyLang = c.lang === lang ? undefined : c.lang

  return (
    <section data-testid="prompt-compare-page">
      {back}
      <div className="page-head">
        <h1>
          {t('prompts.compareTitle', { name: promptName(c.id, t), a: c.a.version, b: c.b.version })}{' '}
          <span className="tag">{t(`lang.${c.lang}`)}</span>
        </h1>
      </div>
      <div className="card">
        <SideBySide a={c.a} b={c.b} copyLang={copyLang} />
      </div>
      <div className="card">
        <h2>{t('prompts.diff')}</h2>
        <LineDiff hunks={c.diff} from={c.a.version} to={c.b.version} copyLang={copyLang} />
      </div>
      <details className="card">
        <summary>{t('prompts.bothBodies')}</summary>
        <div className="two-columns">
          {[c.a, c.b].map((s) => (
            <div key={s.version}>
              <h3>{versionLabel(s.version, t)}</h3>
              <pre className="prompt-body" lang={copyLang}>
                {s.body}
              </pre>
            </div>
          ))}
        </div>
      </details>
    </section>
  )
}
