import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Thread } from '../../../../../contracts/comments'
import type { Draft } from '../../../../../contracts/runs'
import { threadsQuery } from './queries'

/** A thread's words in the draft shown: where they stand, and what the tooltip says of the thread. */
export type ThreadMark = {
  id: string
  start: number
  end: number
  resolved: boolean
  comments: number
  /** The first comment, which says what the thread is about. */
  opening: { author: string; body: string } | null
}

/**
 * The threads whose words stand in this version of the text, by their anchor (where the server
 * found the same words in the run's latest version). An outdated thread (no anchor) has no place
 * in the text; the panel still lists it.
 */
export function threadMarks(threads: readonly Thread[], draft: Pick<Draft, 'version' | 'text'>): ThreadMark[] {
  return threads.flatMap((th) => {
    const a = th.anchor
    if (!a || a.version !== draft.version || a.start < 0 || a.start >= a.end || a.end > draft.text.length) return []
    const first = th.comments[0]
    return [
      {
        id: th.id,
        start: a.start,
        end: a.end,
        resolved: th.status === 'resolved',
        comments: th.comments.length,
        opening: first ? { author: first.author, body: first.body } : null,
      },
    ]
  })
}

/** The run's threads as marks in `draft`; the panel's own query, so both read one cache entry. */
export function useThreadMarks(runId: string, draft: Pick<Draft, 'version' | 'text'>): ThreadMark[] {
  const threads = useQuery(threadsQuery(runId))
  return useMemo(() => threadMarks(threads.data ?? [], draft), [threads.data, draft])
}
