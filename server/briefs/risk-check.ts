import { GATED_TEXTS, type RiskCheckRequest, type RiskCheckResponse, type RiskMark } from '../../contracts/briefs'
import { classifyOffThread } from '../compute/classify'
import { assertChannel, assertSector, type RiskHit } from '../policy/classify'
import type { Policy } from '../policy/load'
import { gatesFor } from '../policy/plan'
import { detectLang } from '../policy/detect-lang'
import { withoutDismissedIn } from './pii-check'

/**
 * The fields a brief's own risks are read from when its drafts are gated (briefText in
 * server/briefs/classify.ts): GATED_TEXTS and every input; the other texts get no marks.
 */
const gated = (path: string) => (GATED_TEXTS as readonly string[]).includes(path) || path.startsWith('inputs.')

const mark = (r: RiskHit): RiskMark => ({
  category: r.category,
  rule: r.rule,
  start: r.start,
  end: r.end,
  match: r.match,
  explain: r.explain,
  article: r.article ?? null,
  fix: r.fix ?? null,
  ...(r.texts ? { texts: r.texts } : {}),
})

/**
 * What the policy reads in a brief before it is submitted: each field's marked words (offsets into
 * that field), and for the brief as a whole its categories, sector reading, the wording its drafts
 * will need and the gates they will at least get. Personal data is left to the personal-data
 * check's marks, but it still counts for the gates. Nothing is stored.
 */
export async function checkRisks(policy: Policy, input: RiskCheckRequest): Promise<RiskCheckResponse> {
  assertChannel(policy, input.channel)
  assertSector(policy, input.advertised)
  const fields = Object.entries(input.fields).filter(([path, text]) => gated(path) && text.trim() !== '')
  const byPath = Object.fromEntries(fields)
  // One language for every field, as the brief will have it: a short title alone says little.
  const lang = input.lang ?? detectLang(byPath.audience ?? '', byPath.task ?? '', byPath.offer ?? '')
  const opts = { channel: input.channel, lang, kind: input.kind }

  const marked = await Promise.all(
    fields.map(async ([path, text]) => {
      // No declared sector here: its categories belong to the brief as a whole, not to a word.
      const c = await classifyOffThread(policy, text, opts)
      const risks = c.risks.filter((r) => r.category !== 'personal_data' && r.end > r.start).map(mark)
      return { path, risks }
    }),
  )
  const whole = withoutDismissedIn(
    await classifyOffThread(policy, fields.map(([, text]) => text).join('\n'), { ...opts, sector: input.advertised ?? null }),
    byPath,
    input.piiDismissals ?? [],
  )
  return {
    fields: marked.filter((f) => f.risks.length > 0),
    categories: whole.categories,
    missing: whole.missing.map((m) => ({
      rule: m.rule,
      category: m.category,
      requirement: m.requirement,
      title: m.title,
      wording: m.wording,
      article: m.article ?? null,
    })),
    sectors: whole.sectors,
    gates: gatesFor(policy, whole.categories),
  }
}
