import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { InterviewEntry, Quote } from '../../../../../contracts/drafts'
import { resolveQuote, type QuoteTarget } from './interview-quotes'

type QuoteNav = {
  interviews: readonly InterviewEntry[]
  /** The interview a quote that names none belongs to; null where that cannot be told (a synthesis). */
  fallback: number | null
  /** Opens the quote's interview and scrolls its transcript to the span. */
  show: (target: QuoteTarget) => void
  /** Opens an interview (by index) without pointing at a quote. */
  open: (index: number) => void
}

const QuoteNavContext = createContext<QuoteNav | null>(null)

export function QuoteNavProvider({ value, children }: { value: QuoteNav; children: ReactNode }) {
  return <QuoteNavContext.Provider value={value}>{children}</QuoteNavContext.Provider>
}

function useQuoteNav(): QuoteNav {
  const nav = useContext(QuoteNavContext)
  if (!nav) throw new Error('quote links must be inside <QuoteNavProvider>')
  return nav
}

/** The lists of one interview: its quotes belong to it even when they do not say so. */
export function QuoteScope({ fallback, children }: { fallback: number; children: ReactNode }) {
  const nav = useQuoteNav()
  const value = useMemo(() => ({ ...nav, fallback }), [nav, fallback])
  return <QuoteNavContext.Provider value={value}>{children}</QuoteNavContext.Provider>
}

/** Where a quote leads (null: in no transcript on screen); `synthesis`: quotes should say which interview they are from. */
export function useQuoteTarget(q: Quote) {
  const nav = useQuoteNav()
  return { target: resolveQuote(nav.interviews, nav.fallback, q), show: nav.show, synthesis: nav.fallback === null }
}

export function useOpenInterview() {
  const nav = useQuoteNav()
  return (id: string) => {
    const index = nav.interviews.findIndex((i) => i.id === id)
    if (index !== -1) nav.open(index)
  }
}
