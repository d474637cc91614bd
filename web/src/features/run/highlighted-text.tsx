import { Fragment, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { RiskHit } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { categoryLabel, maxSeverity } from '../../lib/risk-category'
import { distinct, segmentText } from './risk-spans'

const TIP_WIDTH = 380

type Tip = { index: number; top: number; left: number }

/** What a highlight means: one block per rule it matched. */
function RiskTooltip({ id, hits, top, left }: { id: string; hits: RiskHit[]; top: number; left: number }) {
  const { t } = useI18n()
  const byRule = distinct(hits.map((h) => h.rule)).map((rule) => hits.find((h) => h.rule === rule)!)
  return (
    <div role="tooltip" id={id} className="risk-tooltip" data-testid="risk-tooltip" style={{ top, left, maxWidth: TIP_WIDTH }}>
      {byRule.map((h) => (
        <div key={h.rule} className="risk-tooltip-rule">
          <p>
            <strong>{categoryLabel(h.category, t)}</strong> · <code>{h.rule}</code>
          </p>
          {h.article && <p className="muted small">{h.article}</p>}
          <p>{h.explain}</p>
          {h.fix && (
            <p>
              <strong>{t('risk.fix')}:</strong> {h.fix}
            </p>
          )}
        </div>
      ))}
    </div>
  )
}

/**
 * The draft text with every risk hit highlighted. The tooltip is drawn beside the text element,
 * not inside it, so the element's textContent stays exactly the draft text.
 */
export function HighlightedText({ text, risks, lang }: { text: string; risks: RiskHit[]; lang: string }) {
  const segments = useMemo(() => segmentText(text, risks), [text, risks])
  const wrap = useRef<HTMLDivElement>(null)
  const [tip, setTip] = useState<Tip | null>(null)
  const tipId = useId()

  const show = (index: number, el: HTMLElement) => {
    const box = wrap.current?.getBoundingClientRect()
    if (!box) return
    // A highlight broken over two lines: anchor to its first line.
    const r = el.getClientRects()[0] ?? el.getBoundingClientRect()
    const left = Math.max(0, Math.min(r.left - box.left, box.width - TIP_WIDTH))
    setTip({ index, top: r.bottom - box.top + 6, left })
  }
  const hide = () => setTip(null)
  // One tab stop for the whole text (a draft can hold dozens of hits); arrows move between highlights.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') return hide()
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key]
    if (!step || !(e.target instanceof HTMLElement) || !e.target.matches('.risk-span')) return
    const marks = [...(wrap.current?.querySelectorAll<HTMLElement>('.risk-span') ?? [])]
    const next = marks[marks.indexOf(e.target) + step]
    if (next) {
      e.preventDefault()
      next.focus()
    }
  }
  const firstMark = segments.findIndex((s) => s.hits.length > 0)
  const tipHits = tip ? segments[tip.index]?.hits : undefined

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keydown bubbles up from the focusable highlights inside; the wrapper itself takes no focus
    <div className="highlighted" ref={wrap} onKeyDown={onKeyDown}>
      <div className="draft-text pre-wrap" data-testid="draft-text" lang={lang}>
        {segments.map((s, i) => {
          const part = text.slice(s.start, s.end)
          if (s.hits.length === 0) return <Fragment key={i}>{part}</Fragment>
          const categories = distinct(s.hits.map((h) => h.category))
          return (
            <mark
              key={i}
              className={`risk-span risk-${maxSeverity(categories)}`}
              data-testid="risk-span"
              data-categories={categories.join(' ')}
              data-rules={distinct(s.hits.map((h) => h.rule)).join(' ')}
              tabIndex={i === firstMark ? 0 : -1}
              aria-describedby={tip?.index === i ? tipId : undefined}
              onMouseEnter={(e) => show(i, e.currentTarget)}
              onMouseLeave={hide}
              onFocus={(e) => show(i, e.currentTarget)}
              onBlur={hide}
            >
              {part}
            </mark>
          )
        })}
      </div>
      {tip && tipHits && <RiskTooltip id={tipId} hits={tipHits} top={tip.top} left={tip.left} />}
    </div>
  )
}
