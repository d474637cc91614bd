import type { SeoCluster, SeoDraft } from '../../../../../contracts/drafts'
import { useI18n } from '../../../i18n'
import { SeoKeywordList, type Target } from './seo-keyword-list'
import type { KeywordEntry, Place } from './seo-moves'

type PieceKind = SeoCluster['plan']['pieces'][number]['kind']
/** The order a writer works through supporting pieces in: the questions people ask first. */
const PIECE_ORDER: readonly PieceKind[] = ['question', 'how_to', 'how_to_choose', 'comparison', 'mistakes', 'price', 'review']

/** The pillar page and the supporting pieces, grouped by kind, each with the keywords it covers. */
function ContentPlan({ cluster, draft, stale }: { cluster: SeoCluster; draft: SeoDraft; stale: boolean }) {
  const { t, lang } = useI18n()
  const { plan } = cluster
  const pillarFrequency = draft.frequencies[plan.pillar] ?? null
  const kinds = PIECE_ORDER.filter((k) => plan.pieces.some((p) => p.kind === k))
  return (
    <section className="seo-plan" data-testid="seo-plan">
      <h4>{t('seo.plan.title')}</h4>
      {stale && (
        <p className="state-warn small seo-plan-stale" data-testid="seo-plan-stale">
          {t('seo.plan.stale')}
        </p>
      )}
      <p data-testid="seo-plan-pillar" data-keyword={plan.pillar}>
        <span className="muted">{t('seo.plan.pillar')}:</span> <strong>{plan.pillar}</strong>
        {pillarFrequency !== null && <span className="muted small"> · {pillarFrequency.toLocaleString(lang)}</span>}
        {plan.pillarKeywords.length > 0 && (
          <>
            <br />
            <span className="small muted">{t('seo.plan.alsoCovers', { list: plan.pillarKeywords.join('; ') })}</span>
          </>
        )}
      </p>
      {kinds.length === 0 ? (
        <p className="muted small">{t('seo.plan.noPieces')}</p>
      ) : (
        <div className="seo-pieces">
          {kinds.map((kind) => {
            const pieces = plan.pieces.filter((p) => p.kind === kind)
            return (
              <div key={kind} className="seo-piece-group">
                <h5>
                  <span className="tag">{t(`seo.piece.${kind}`)}</span> <span className="muted small">{pieces.length}</span>
                </h5>
                <ul className="plain-list">
                  {pieces.map((p) => (
                    <li key={p.keyword} data-testid="seo-plan-piece" data-kind={p.kind} data-keyword={p.keyword}>
                      {p.keyword} <span className="muted small">· {p.frequency.toLocaleString(lang)}</span>
                      {p.keywords.length > 1 && (
                        <span className="small muted">
                          {' '}
                          — {t('seo.plan.alsoCovers', { list: p.keywords.filter((k) => k !== p.keyword).join('; ') })}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )
          })}
        </div>
      )}
    </section>
  )
}

type Props = {
  draft: SeoDraft
  index: number
  entries: readonly KeywordEntry[]
  /** Some of its keywords are moved in or out: the plan shown is the saved one. */
  stale: boolean
  targets: readonly Target[] | null
  labelOf: (place: Place) => string
  onMove: (keyword: string, to: Place) => void
}

/** One cluster opened from the table: what to write for it, and its keywords. */
export function SeoClusterDetail({ draft, index, entries, stale, targets, labelOf, onMove }: Props) {
  const { t } = useI18n()
  const cluster = draft.clusters[index]
  if (!cluster) return null
  return (
    <div className="seo-detail" data-testid="seo-cluster-detail" data-label={cluster.label}>
      <ContentPlan cluster={cluster} draft={draft} stale={stale} />
      <section>
        <h4>{t('seo.keywordsTitle', { n: entries.filter((e) => e.moved !== 'out').length })}</h4>
        <SeoKeywordList draft={draft} entries={entries} targets={targets} labelOf={labelOf} onMove={onMove} pillar={cluster.pillar} />
      </section>
    </div>
  )
}
