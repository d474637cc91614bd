import { useQuery } from '@tanstack/react-query'
import { ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { kindLabel, promptName, versionLabel } from '../../lib/labels'
import { formatDecimal } from '../../lib/format-number'
import { formatDateTime } from '../../lib/format'
import { Link } from '../../lib/router'
import { LineDiff } from './line-diff'
import { promptCompareHref } from './prompt-paths'
import { promptStatCells, STAT_COLUMNS } from './prompt-stats'
import { promptVersionQuery } from './queries'

type Props = { id: string; lang: string; version: string }

/** One version of a prompt: its settings, record and text, and what changed since the version before. */
export function PromptVersionPage({ id, lang: promptLang, version }: Props) {
  const { t, lang } = useI18n()
  const query = useQuery(promptVersionQuery(id, promptLang, version))
  if (query.isPending) return <Loading />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  const v = query.data
  const cells = promptStatCells(v.stats, lang)
  // the prompt's own words (body, changelog) are in its language
  const copyLang = v.lang === lang ? undefined : v.lang

  return (
    <section data-testid="prompt-version-page" data-version={v.version}>
      <p className="breadcrumb">
        <Link to="/kb/prompts">{t('prompts.back')}</Link>
      </p>
      <div className="page-head">
        <h1>
          {promptName(v.id, t)} {versionLabel(v.version, t)} <span className="tag">{t(`lang.${v.lang}`)}</span>
        </h1>
      </div>
      <div className="card">
        <dl className="details">
          <div className="details-row">
            <dt>{t('prompts.col.owner')}</dt>
            <dd>{v.owner}</dd>
          </div>
          <div className="details-row">
            <dt>{t('prompts.col.changelog')}</dt>
            <dd lang={copyLang}>{v.changelog}</dd>
          </div>
          <div className="details-row">
            <dt>{t('prompts.col.firstSeen')}</dt>
            <dd>{formatDateTime(v.firstSeenAt, lang)}</dd>
          </div>
          <div className="details-row">
            <dt>{t('prompts.settings')}</dt>
            <dd>
              {t('prompts.settingsKind', { kind: kindLabel(v.kind, t) })} · {t('prompts.settingsSchema')}{' '}
              {v.schema ? <code>{v.schema}</code> : t('common.none')} ·{' '}
              {t('prompts.settingsTemperature', {
                temperature: v.temperature === null ? t('common.none') : formatDecimal(v.temperature, lang),
              })}
            </dd>
          </div>
          {STAT_COLUMNS.map((c) => (
            <div key={c} className="details-row">
              <dt>{t(`prompts.stat.${c}`)}</dt>
              <dd data-testid={`prompt-stat-${c}`}>{cells[c]}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="card">
        <h2>{v.previous ? t('prompts.changesSince', { version: v.previous }) : t('prompts.changes')}</h2>
        {v.previous ? (
          <>
            <LineDiff hunks={v.diff} from={v.previous} to={v.version} copyLang={copyLang} />
            <p>
              <Link to={promptCompareHref(v.id, v.lang, v.previous, v.version)}>{t('prompts.compareWithPrevious')}</Link>
            </p>
          </>
        ) : (
          <p className="muted" data-testid="prompt-first-version">
            {t('prompts.firstVersion')}
          </p>
        )}
      </div>
      <div className="card">
        <h2>{t('prompts.body')}</h2>
        <pre className="prompt-body" data-testid="prompt-body" lang={copyLang}>
          {v.body}
        </pre>
      </div>
    </section>
  )
}
