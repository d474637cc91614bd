import { useEffect, useState } from 'react'

export type TextSpan = { start: number; end: number; quote: string }

/**
 * The span of the draft text the reader has selected, as offsets into the text: the draft element's
 * textContent is exactly the draft (highlighted-text.tsx), so the length of a range from its start
 * to the selection's start is the offset. Null when nothing inside it is selected.
 */
export function useDraftSelection(selector = '[data-testid="draft-text"]'): [TextSpan | null, () => void] {
  const [span, setSpan] = useState<TextSpan | null>(null)
  useEffect(() => {
    const read = () => {
      const sel = document.getSelection()
      const root = document.querySelector(selector)
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !root) return
      const range = sel.getRangeAt(0)
      if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return
      const before = document.createRange()
      before.setStart(root, 0)
      before.setEnd(range.startContainer, range.startOffset)
      const start = before.toString().length
      const quote = range.toString()
      if (quote.trim() === '') return
      setSpan({ start, end: start + quote.length, quote })
    }
    document.addEventListener('mouseup', read)
    document.addEventListener('keyup', read)
    return () => {
      document.removeEventListener('mouseup', read)
      document.removeEventListener('keyup', read)
    }
  }, [selector])
  return [span, () => setSpan(null)]
}
