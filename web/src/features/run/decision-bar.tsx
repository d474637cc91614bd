import type { Gate } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'

/**
 * For whoever may decide, a bar that stays at the bottom of the screen however far the draft runs:
 * which gates wait for them, and a jump to each one's decision panel (its comment field focused).
 */
export function DecisionBar({ gates }: { gates: Gate[] }) {
  const { t } = useI18n()
  if (gates.length === 0) return null
  const jump = (g: Gate) => {
    const field = document.getElementById(`decision-comment-${g.id}`)
    field?.closest('[data-testid="decision-panel"]')?.scrollIntoView({ behavior: 'smooth', block: 'center' })
    field?.focus({ preventScroll: true })
  }
  return (
    <section className="decision-bar" data-testid="decision-bar" aria-label={t('decisionBar.label')}>
      <span className="small">{t('decisionBar.waiting')}</span>
      {gates.map((g) => (
        <button
          key={g.id}
          type="button"
          className="button button-primary button-small"
          data-testid="decision-bar-jump"
          onClick={() => jump(g)}
        >
          {t(`gate.${g.gate}`)}
        </button>
      ))}
    </section>
  )
}
