import { useI18n } from '../../i18n'
import { Link } from '../../lib/router'

/** The knowledge base's two halves: the results archive and the prompt library. */
export function KbTabs({ current }: { current: 'results' | 'prompts' }) {
  const { t } = useI18n()
  const tab = (id: 'results' | 'prompts', to: string, label: string) => (
    <Link
      to={to}
      className={current === id ? 'kb-tab active' : 'kb-tab'}
      aria-current={current === id ? 'page' : undefined}
      data-testid={`kb-tab-${id}`}
    >
      {label}
    </Link>
  )
  return (
    <nav className="kb-tabs" aria-label={t('kb.title')}>
      {tab('results', '/kb', t('kb.tab.results'))}
      {tab('prompts', '/kb/prompts', t('kb.tab.prompts'))}
    </nav>
  )
}
