import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import type { BriefKind, PiiDismissal } from '../../../../contracts/briefs'
import type { ApiIssue } from '../../lib/fetch-json'
import type { FormValues } from './form-model'
import { keepMatching, piiCheckFields, piiKey, type Dismissals, type PiiFinding } from './pii-model'
import { piiCheckQuery } from './queries'
import { usePiiCheck } from './use-pii-check'

/** A server objection to one dismissal (key of the finding), or to the list as a whole (null). */
export type PiiIssue = { key: string | null; message: string }

const DISMISSAL_ISSUE = /^piiDismissals(?:\.(\d+))?(?:\.|$)/

/**
 * The personal-data check of the form and the findings the writer marked as not personal data.
 * Dismissals are kept per finding (field, span, type) and follow the text: one the current text no
 * longer has is dropped without a word, as it would be refused on submit.
 */
export function usePiiReview(kind: BriefKind, values: FormValues, initial: Dismissals = {}) {
  const queryClient = useQueryClient()
  const fields = useMemo(() => piiCheckFields(kind, values), [kind, values])
  const check = usePiiCheck(fields)
  const [dismissals, setDismissals] = useState<Dismissals>(initial)
  const [issues, setIssues] = useState<PiiIssue[]>([])

  const current = check.current
  useEffect(() => {
    if (current) setDismissals((d) => keepMatching(d, current))
  }, [current])

  const dismiss = (f: PiiFinding, reason: string) => {
    const { path, start, end, type } = f
    setDismissals((d) => ({ ...d, [piiKey(f)]: { path, start, end, type, reason } }))
  }
  const undo = (f: PiiFinding) => {
    const key = piiKey(f)
    setDismissals(({ [key]: _dropped, ...rest }) => rest)
    setIssues((list) => list.filter((i) => i.key !== key))
  }

  /** Texts moved to other paths (interviews added or removed): their dismissals follow; a removed text's go. */
  const renamePaths = (rename: (path: string) => string | null) =>
    setDismissals((d) => {
      const moved = Object.values(d).flatMap((x) => {
        const path = rename(x.path)
        return path === null ? [] : [{ ...x, path }]
      })
      return Object.fromEntries(moved.map((x) => [piiKey(x), x]))
    })

  /**
   * Right before submitting: the dismissals that name a finding of the texts as sent, and how many
   * findings a `block` policy would refuse the run for. A failed check never stops the brief: the
   * dismissals go as they are, and the server checks each again.
   */
  const prepare = async (): Promise<{ dismissals: PiiDismissal[]; blocking: number }> => {
    setIssues([])
    try {
      const fresh = await queryClient.fetchQuery(piiCheckQuery(fields))
      const kept = keepMatching(dismissals, fresh.findings)
      const blocking = fresh.mode === 'block' ? fresh.findings.filter((f) => !(piiKey(f) in kept)).length : 0
      return { dismissals: Object.values(kept), blocking }
    } catch {
      return { dismissals: Object.values(dismissals), blocking: 0 }
    }
  }

  /** Takes the server's objections to `sent` (issue paths `piiDismissals.N`); answers the other issues. */
  const takeIssues = (all: ApiIssue[], sent: readonly PiiDismissal[]): ApiIssue[] => {
    const mine: PiiIssue[] = []
    const rest = all.filter((issue) => {
      const m = DISMISSAL_ISSUE.exec(issue.path)
      if (!m) return true
      const d = m[1] === undefined ? undefined : sent[Number(m[1])]
      mine.push({ key: d ? piiKey(d) : null, message: issue.message })
      return false
    })
    setIssues(mine)
    return rest
  }

  return { check, dismissals, issues, dismiss, undo, renamePaths, prepare, takeIssues }
}

export type PiiReview = ReturnType<typeof usePiiReview>
