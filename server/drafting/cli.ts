// `copydesk draft --kind offer|headlines|interview_summary --brief FILE.json [--json]`: the
// drafting step alone, on the offline engine. Inputs pass the personal-data guard first, exactly
// as in a run: the engine sees, and quotes, the redacted text (what `copydesk pii redact` prints).
import fs from 'node:fs'
import { z } from 'zod'
import { Lang, OfferInputs } from '../../contracts/briefs'
import type { OfferDraft } from '../../contracts/runs'
import { detectLang } from '../briefs/detect-lang'
import { scanPii } from '../pii/scan'
import { Redactor } from '../policy/pii-guard'
import { summarizeInterview } from './interview/summarize'
import { synthesize, type InterviewSource } from './interview/synthesize'
import { offerOffline } from './offer/offline'
import type { DraftingBrief } from './types'

type Io = { out: (s: string) => void; err: (s: string) => void }

const Transcript = z.union([
  z.string().min(1),
  z.object({ id: z.string().min(1).optional(), segment: z.string().min(1).optional(), text: z.string().min(1).optional(), transcript: z.string().min(1).optional() })
    .refine((t) => t.text ?? t.transcript, 'a transcript needs "text"'),
])
// Lenient on purpose: a brief file for one step names what that step needs; the rest may be blank.
const BriefFile = z.looseObject({
  lang: Lang.optional(),
  title: z.string().default(''),
  audience: z.string().default(''),
  task: z.string().default(''),
  offer: z.string().default(''),
  format: z.string().default(''),
  channel: z.string().default(''),
  deadline: z.string().default(''),
  qualityCriteria: z.string().default(''),
  successMetrics: z.string().default(''),
  inputs: z.record(z.string(), z.unknown()).default({}),
  transcript: z.string().optional(),
  transcripts: z.array(Transcript).optional(),
})
type BriefFile = z.infer<typeof BriefFile>

/** Each transcript on its own numbering: exactly what `copydesk pii redact` prints for it. */
const redact = (text: string) => new Redactor(scanPii).redact(text)

export async function draftCommand(kind: string | undefined, file: string | undefined, json: boolean, io: Io): Promise<number> {
  if (!kind || !file) {
    io.err('copydesk draft: usage: copydesk draft --kind offer|headlines|interview_summary --brief FILE.json [--json]')
    return 2
  }
  let brief: BriefFile
  try {
    const parsed = BriefFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
    if (!parsed.success) {
      io.err(`copydesk draft: ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`)
      return 1
    }
    brief = parsed.data
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    io.err(`copydesk draft: ${file}: ${code === 'ENOENT' ? 'no such file' : err instanceof SyntaxError ? `not JSON (${err.message})` : (err as Error).message}`)
    return 1
  }

  let draft: unknown
  if (kind === 'interview_summary') {
    const sources = transcriptsOf(brief)
    if (sources.length === 0) {
      io.err(`copydesk draft: ${file}: an interview_summary brief needs "transcript" or "transcripts"`)
      return 1
    }
    const lang = brief.lang ?? detectLang(...sources.map((s) => s.text))
    const redacted = sources.map((s) => ({ ...s, text: redact(s.text) }))
    draft = redacted.length === 1
      ? { engine: 'offline', lang, ...summarizeInterview(redacted[0]!.text, lang), transcript: redacted[0]!.text }
      : { engine: 'offline', lang, ...synthesize(redacted, lang), transcripts: redacted.map(({ id, text }) => ({ id, text })) }
  } else if (kind === 'offer') {
    const inputs = OfferInputs.safeParse(brief.inputs)
    if (!inputs.success) {
      io.err(`copydesk draft: ${file}: ${inputs.error.issues.map((i) => `inputs.${i.path.join('.')}: ${i.message}`).join('; ')}`)
      return 1
    }
    draft = { engine: 'offline', ...offersOf(offerOffline({ brief: safeBrief(brief, 'offer'), feedback: null, previous: null })) }
  } else if (kind === 'headlines') {
    io.err('copydesk draft: headlines are not available in this version yet; offer and interview_summary are')
    return 2
  } else {
    io.err(`copydesk draft: unknown kind "${kind}" (offer, headlines, interview_summary)`)
    return 2
  }
  io.out(json ? JSON.stringify(draft) : JSON.stringify(draft, null, 2))
  return 0
}

function transcriptsOf(brief: BriefFile): InterviewSource[] {
  const inputs = brief.inputs as { transcript?: unknown; transcripts?: unknown }
  const many = brief.transcripts ?? z.array(Transcript).optional().parse(inputs.transcripts)
  const one = brief.transcript ?? z.string().optional().parse(inputs.transcript)
  const list = many ?? (one ? [one] : [])
  return list.map((t, n) =>
    typeof t === 'string' ? { id: `interview-${n + 1}`, text: t } : { id: t.id ?? `interview-${n + 1}`, ...(t.segment ? { segment: t.segment } : {}), text: (t.text ?? t.transcript)! },
  )
}

/** The brief's text fields and inputs redacted, one placeholder numbering for the whole brief. */
function safeBrief(brief: BriefFile, kind: string): DraftingBrief {
  const r = new Redactor(scanPii)
  const lang = brief.lang ?? detectLang(brief.audience, brief.task, brief.offer)
  return {
    kind, lang, title: r.redact(brief.title), audience: r.redact(brief.audience), task: r.redact(brief.task), offer: r.redact(brief.offer),
    format: r.redact(brief.format), channel: brief.channel, deadline: brief.deadline, qualityCriteria: r.redact(brief.qualityCriteria),
    successMetrics: r.redact(brief.successMetrics), inputs: r.redactDeep(brief.inputs),
  }
}

/** The CLI contract's offer shape: each offer with its five parts, one-liner and proofs. */
function offersOf(d: OfferDraft) {
  const proofs = d.proofs.map((p) => ({ text: p.claim, status: p.status === 'given' ? 'given' : 'proof_needed' }))
  return {
    offers: d.variants.map((v) => ({ forWhom: v.forWhom, task: v.task, timeframe: v.timeframe, method: v.method, difference: v.difference, oneLiner: v.oneLiner, pitch: v.pitch, proofs })),
    missing: d.missing,
  }
}
