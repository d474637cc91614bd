import { useI18n } from '../../i18n'
import { formatCount } from '../../lib/format-number'

type Props = { offset: number; pageSize: number; total: number; onPage: (offset: number) => void }

/** "21–40 of 57" with the previous and next page. */
export function Pager({ offset, pageSize, total, onPage }: Props) {
  const { t, lang } = useI18n()
  if (total <= pageSize && offset === 0) return null
  const last = Math.min(offset + pageSize, total)
  return (
    <nav className="pager" aria-label={t('kb.pager')} data-testid="kb-pager">
      <button
        type="button"
        className="button button-small"
        data-testid="kb-prev"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - pageSize))}
      >
        {t('kb.prev')}
      </button>
      <span className="muted small" data-testid="kb-page-range">
        {t('kb.range', {
          first: formatCount(Math.min(offset + 1, total), lang),
          last: formatCount(last, lang),
          total: formatCount(total, lang),
        })}
      </span>
      <button
        type="button"
        className="button button-small"
        data-testid="kb-next"
        disabled={last >= total}
        onClick={() => onPage(offset + pageSize)}
      >
        {t('kb.next')}
      </button>
    </nav>
  )
}
