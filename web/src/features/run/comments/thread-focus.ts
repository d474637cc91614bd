/** The element id of a thread in the discussion panel, which a mark in the text leads to. */
export const threadElementId = (id: string) => `thread-${id}`

const scrollTo = (el: HTMLElement) => {
  el.scrollIntoView({ behavior: 'smooth', block: 'center' })
  el.focus({ preventScroll: true })
}

/** From its words in the text to the thread in the panel, focused for a reply. */
export function focusThread(id: string) {
  const el = document.getElementById(threadElementId(id))
  if (el) scrollTo(el)
}

/** From the panel back to the thread's words in the text, opening the fold the text may sit in (an SEO plan's). */
export function focusThreadWords(id: string) {
  const el = document.querySelector<HTMLElement>(`[data-testid="draft-text"] [data-threads~="${CSS.escape(id)}"]`)
  if (!el) return
  const fold = el.closest('details')
  if (fold) fold.open = true
  scrollTo(el)
}
