// When a model's headline reply is not usable, what to tell it: which headlines were too long
// for the channel and which repeated another. A reply is usable when at least half the asked
// count survives finishing; below that the provider retries once with these messages.
import { RawHeadlines, type FinishOptions } from './schema'
import { selectHeadlines } from './finish'

type Issue = { path: (string | number)[]; message: string }

/** The least share of `count` that must survive finishing. */
export const minUsable = (count: number) => Math.ceil(count / 2)

function issuesOf(raw: RawHeadlines, opts: FinishOptions): Issue[] {
  const { kept, dropped } = selectHeadlines(raw, opts)
  const need = minUsable(opts.count)
  if (kept.length >= need) return []
  const out: Issue[] = [
    {
      path: ['headlines'],
      message: `only ${kept.length} usable headlines of ${raw.headlines.length}; return at least ${need} (${opts.count} were asked), each at most ${opts.maxLength} characters and each a different wording or angle`,
    },
  ]
  raw.headlines.forEach((h, i) => {
    if (!h.text.trim()) out.push({ path: ['headlines', i, 'text'], message: 'empty' })
  })
  for (const d of dropped) {
    out.push({
      path: ['headlines', d.index, 'text'],
      message:
        d.reason === 'too_long'
          ? `${d.length} characters, the limit for ${opts.channel} is ${opts.maxLength}`
          : `repeats "${d.detail}"; test another angle or use other words`,
    })
  }
  return out
}

/** Messages a model can act on ("headlines.3.text: 74 characters, the limit for search_ad is 56"); empty = usable. */
export function headlineIssues(raw: RawHeadlines, opts: FinishOptions): string[] {
  return issuesOf(raw, opts).map((i) => `${i.path.join('.')}: ${i.message}`)
}

/** The reply schema for one brief and channel, with the usability check as its refinement. */
export function headlinesReplySchema(opts: FinishOptions) {
  return RawHeadlines.superRefine((raw, ctx) => {
    for (const issue of issuesOf(raw, opts)) ctx.addIssue({ code: 'custom', ...issue })
  })
}
