import { Fragment, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { RiskHit } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { categoryLabel, maxSeverity } from '../../lib/risk-category'
import type { ThreadMark } from './comments/thread-marks'
import { ruleWords } from '../../lib/rule-text'
import { distinct } from './risk-spans'
import { markText, type TextPiece } from './text-marks'

const TIP_WIDTH = 380
const shorten = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

type Tip = { index: number; top: number; left: number }
const NO_THREADS: readonly ThreadMark[] = []

/** What a mark means: one block per rule it matched, then one per thread on its words. */
function MarkTooltip({ id, piece, top, left }: { id: string; piece: TextPiece; top: number; left: number }) {
  const { t, lang } = useI18n()
  const { hits, threads } = piece
  const byRule = distinct(hits.map((h) => h.rule)).map((rule) => hits.find((h) => h.rule === rule)!)
  return (
    <div role="tooltip" id={id} className="risk-tooltip" data-testid="risk-tooltip" style={{ top, left, maxWidth: TIP_WIDTH }}>
      {byRule.map((h) => {
        const words = ruleWords(h, lang)
        return (
          <div key={h.rule} className="risk-tooltip-rule">
            <p>
              <strong>{categoryLabel(h.category, t)}</strong> · {words.title ?? <code>{h.rule}</code>}
            </p>
            {words.article && (
              <p className="muted small" lang={words.article.lang}>
                {words.article.text}
              </p>
            )}
            <p lang={words.lang}>{words.explain}</p>
            {words.fix && (
              <p>
                <strong>{t('risk.fix')}:</strong> <span lang={words.lang}>{words.fix}</span>
              </p>
            )}
          </div>
        )
      })}
      {threads.map((th) => (
        <div key={th.id} className="risk-tooltip-rule">
          <p>
            <strong>{t('comments.title')}</strong>
            {th.resolved && <> · {t('comments.resolved')}</>}
          </p>
          {th.opening && (
            <p>
              {th.opening.author}: «{shorten(th.opening.body)}»
            </p>
          )}
          <p className="muted small">{t('comments.markTip', { n: th.comments })}</p>
        </div>
      ))}
    </div>
  )
}

/** The mark's look: its loudest risk, and whether its words are discussed (resolved threads only: fainter). */
function markClass(p: TextPiece): string {
  const classes = ['text-mark']
  if (p.hits.length > 0) classes.push('risk-span', `risk-${maxSeverity(distinct(p.hits.map((h) => h.category)))}`)
  if (p.threads.length > 0) classes.push('thread-span', p.threads.every((th) => th.resolved) ? 'thread-resolved' : 'thread-open')
  return classes.join(' ')
}

/** The thread a mark leads to: an open one before the resolved ones. */
const threadOf = (el: Element | null) => {
  const mark = el?.closest<HTMLElement>('[data-threads]')
  return mark?.dataset.openThread ?? mark?.dataset.threads?.split(' ')[0]
}

type Props = {
  text: string
  risks: RiskHit[]
  lang: string
  /** Threads on words of this text: marked too, a click or Enter on them opens the thread. */
  threads?: readonly ThreadMark[]
  onThread?: (id: string) => void
}

/**
 * The draft text with every risk hit and every thread's words marked. The tooltip is drawn beside
 * the text element, not inside it, so the element's textContent stays exactly the draft text (the
 * offsets of a selection for a new thread are read from it: comments/selection.ts).
 */
export function HighlightedText({ text, risks, lang, threads = NO_THREADS, onThread }: Props) {
  const pieces = useMemo(() => markText(text, risks, threads), [text, risks, threads])
  const wrap = useRef<HTMLDivElement>(null)
  const [tip, setTip] = useState<Tip | null>(null)
  const tipId = useId()

  const show = (index: number, el: HTMLElement) => {
    const box = wrap.current?.getBoundingClientRect()
    if (!box) return
    // A mark broken over two lines: anchor to its first line.
    const r = el.getClientRects()[0] ?? el.getBoundingClientRect()
    const left = Math.max(0, Math.min(r.left - box.left, box.width - TIP_WIDTH))
    setTip({ index, top: r.bottom - box.top + 6, left })
  }
  const hide = () => setTip(null)
  const openThread = (el: Element | null) => {
    const id = threadOf(el)
    if (id && onThread) onThread(id)
  }
  // One tab stop for the whole text (a draft can hold dozens of marks); arrows move between marks.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') return hide()
    if (!(e.target instanceof HTMLElement) || !e.target.matches('.text-mark')) return
    if (e.key === 'Enter' && e.target.dataset.threads) {
      e.preventDefault()
      return openThread(e.target)
    }
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key]
    if (!step) return
    const marks = [...(wrap.current?.querySelectorAll<HTMLElement>('.text-mark') ?? [])]
    const next = marks[marks.indexOf(e.target) + step]
    if (next) {
      e.preventDefault()
      next.focus()
    }
  }
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    // Words selected (for a new thread, or to copy) are not a click on the mark they start in.
    if (document.getSelection()?.isCollapsed === false) return
    openThread(e.target as Element)
  }
  const firstMark = pieces.findIndex((p) => p.hits.length > 0 || p.threads.length > 0)
  const tipPiece = tip ? pieces[tip.index] : undefined

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keydown and click bubble up from the focusable marks inside (Enter is the keyboard's click); the wrapper itself takes no focus
    <div className="highlighted" ref={wrap} onKeyDown={onKeyDown} onClick={onClick}>
      <div className="draft-text pre-wrap" data-testid="draft-text" lang={lang}>
        {pieces.map((p, i) => {
          const part = text.slice(p.start, p.end)
          if (p.hits.length === 0 && p.threads.length === 0) return <Fragment key={i}>{part}</Fragment>
          const open = p.threads.find((th) => !th.resolved)
          return (
            <mark
              key={i}
              className={markClass(p)}
              data-testid={p.hits.length > 0 ? 'risk-span' : 'thread-span'}
              data-categories={p.hits.length > 0 ? distinct(p.hits.map((h) => h.category)).join(' ') : undefined}
              data-rules={p.hits.length > 0 ? distinct(p.hits.map((h) => h.rule)).join(' ') : undefined}
              data-threads={p.threads.length > 0 ? p.threads.map((th) => th.id).join(' ') : undefined}
              data-open-thread={open?.id}
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
      {tip && tipPiece && <MarkTooltip id={tipId} piece={tipPiece} top={tip.top} left={tip.left} />}
    </div>
  )
}
