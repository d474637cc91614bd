import type { ResultItem as Item } from '../../../../contracts/kb'
import { StatusBadge } from '../../components/status-badge'
import { useI18n } from '../../i18n'
import { promptName } from '../../lib/labels'
import { channelLabel } from '../../lib/channel-label'
import { formatDate } from '../../lib/format'
import { Link } from '../../lib/router'
import { engineLabel } from '../run/engine-label'
import { HighlightedSnippet } from './highlighted-snippet'
import { RatingText } from './rating-text'
import type { KbFilters } from './search-filters'

type Props = { item: Item; onFilter: (patch: Partial<KbFilters>) => void }

/** One result of the archive: what it was, who wrote and passed it, how it is rated, and the passage that matched. */
export function ResultItem({ item, onFilter }: Props) {
  const { t, lang } = useI18n()
  return (
    <li className="kb-result" data-testid="kb-result" data-run={item.runId} data-outcome={item.outcome}>
      <div className="kb-result-head">
        <Link to={`/kb/results/${item.runId}`} className="kb-result-title" data-testid="kb-result-link">
          {item.briefTitle}
        </Link>
        <StatusBadge kind="run" status={item.outcome} />
      </div>
      <p className="muted small kb-result-meta">
        <span className="tag">{t(`kind.${item.kind}`)}</span> {channelLabel(item.channel, t)} · {t(`lang.${item.lang}`)} ·{' '}
        <button
          type="button"
          className="link-button"
          title={t('kb.byAuthor', { name: item.author.name })}
          onClick={() => onFilter({ author: item.author.id })}
        >
          {item.author.name}
        </button>{' '}
        · {formatDate(item.approvedAt ?? item.createdAt, lang)} · {engineLabel(item.engine, t, item.model)}
        {item.erid && (
          <>
            {' '}
            · <span data-testid="kb-erid">{t('kb.erid')}</span> <code>{item.erid}</code>
          </>
        )}
        {item.edited && <> · {t('kb.edited')}</>} · {t('kb.prompt', { name: promptName(item.promptId, t), version: item.promptVersion })} ·{' '}
        <RatingText rating={item.rating} />
      </p>
      <HighlightedSnippet item={item} />
      {item.tags.length > 0 && (
        <p className="chips kb-result-tags">
          {item.tags.map((tag) => (
            <button
              key={tag}
              type="button"
              className="chip chip-button"
              data-testid="kb-result-tag"
              title={t('kb.byTag', { tag })}
              onClick={() => onFilter({ tag })}
            >
              #{tag}
            </button>
          ))}
        </p>
      )}
    </li>
  )
}
