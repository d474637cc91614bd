// `copydesk draft --kind offer|headlines|interview_summary --brief FILE.json [--json]`: the
// drafting step alone, on the offline engine unless OPENAI_API_KEY is set. Inputs pass the personal-data guard first, exactly
// as in a run: the engine sees, and quotes, the redacted text (what `copydesk pii redact` prints).
import fs from 'node:fs'
import { z } from 'zod'
import { BRIEF_TEXTS, HeadlinesInputs, InterviewInputs, Lang, OfferInputs } from '../../contracts/briefs'
import type { InterviewDraft, OfferDraft } from '../../contracts/drafts'
import { detectLang } from '../policy/detect-lang'
import { loadConfig } from '../config'
import { createProvider } from '../llm'
import { LlmError } from '../llm/provider'
import { PROMPTS_DIR } from '../paths'
import { POLICIES_DIR } from '../policy/cli'
import { scanPii } from '../pii/scan'
import { PolicyError, loadPolicy, type Policy } from '../policy/load'
import { Redactor } from '../policy/pii-guard'
import { headlineMaxLength } from '../policy/schema'
import { PromptLibrary, loadPrompts } from '../prompts/load'
import { generateDraft } from './generate'
import { sourcesOf } from './interview/sources'
import { headlinesKind } from './headlines'
import { interviewKind } from './interview'
import { offerKind } from './offer'
import type { DraftingBrief, DraftingKind, DraftingTask } from './types'
import { recordOf } from '../briefs/redact-brief'
import { withProgress } from '../jobs/progress'
import { progressLines } from '../jobs/progress-lines'

type Io = { out: (s: string) => void; err: (s: string) => void }

const Transcript = z.union([
  z.string().min(1),
  z
    .object({
      id: z.string().min(1).optional(),
      segment: z.string().min(1).optional(),
      text: z.string().min(1).optional(),
      transcript: z.string().min(1).optional(),
    })
    .refine((t) => t.text ?? t.transcript, 'a transcript needs "text"')
    .transform(({ transcript, text, ...t }) => ({ ...t, text: (text ?? transcript)! })),
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

export async function draftCommand(
  kind: string | undefined,
  file: string | undefined,
  json: boolean,
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
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
    io.err(
      `copydesk draft: ${file}: ${code === 'ENOENT' ? 'no such file' : err instanceof SyntaxError ? `not JSON (${err.message})` : (err as Error).message}`,
    )
    return 1
  }

  let policy: Policy
  let prompts: PromptLibrary
  try {
    policy = loadPolicy(POLICIES_DIR)
    prompts = new PromptLibrary(loadPrompts(PROMPTS_DIR))
  } catch (err) {
    io.err(`copydesk draft: ${err instanceof PolicyError ? err.problems.join('\n') : (err as Error).message}`)
    return 1
  }
  let task: DraftingTask
  if (kind === 'interview_summary') {
    const sources = sourcesOf({
      transcript: brief.transcript ?? stringOr(brief.inputs.transcript),
      transcripts: brief.transcripts ?? transcriptsIn(brief.inputs.transcripts),
    })
    // Each transcript on its own numbering: exactly what `copydesk pii redact` prints for it.
    const inputs = InterviewInputs.safeParse({ transcripts: sources.map((s) => ({ ...s, text: new Redactor(scanPii).redact(s.text) })) })
    if (!inputs.success)
      return fail(io, file, `an interview_summary brief needs "transcript" or "transcripts": ${issuesText(inputs.error)}`)
    const lang = brief.lang ?? detectLang(...sources.map((s) => s.text))
    task = taskOf({ ...safeBrief(brief, new Redactor(scanPii)), lang, kind, inputs: inputs.data }, policy)
  } else if (kind === 'offer') {
    // one placeholder numbering for the whole brief: its text fields, then its inputs
    const r = new Redactor(scanPii)
    const fields = safeBrief(brief, r)
    const parsed = OfferInputs.safeParse(r.redactDeep(brief.inputs))
    if (!parsed.success) return fail(io, file, issuesText(parsed.error, 'inputs.'))
    task = taskOf({ ...fields, kind, inputs: parsed.data }, policy)
  } else if (kind === 'headlines') {
    // one placeholder numbering for the whole brief: its text fields, then its inputs
    const r = new Redactor(scanPii)
    const fields = safeBrief(brief, r)
    const parsed = HeadlinesInputs.safeParse(r.redactDeep(brief.inputs))
    if (!parsed.success) return fail(io, file, issuesText(parsed.error, 'inputs.'))
    task = taskOf({ ...fields, kind, inputs: parsed.data }, policy)
  } else {
    io.err(`copydesk draft: unknown kind "${kind}" (offer, headlines, interview_summary)`)
    return 2
  }

  const provider = createProvider(loadConfig(env).llm, env)
  const generate = async <T, P, R>(drafting: DraftingKind<T, P, R>, shape: (output: T) => Record<string, unknown>) => {
    // a batch of transcripts (a model call each) says how far it is on stderr; stdout keeps the draft
    const r = await withProgress(progressLines(io.err, 2), () =>
      generateDraft(drafting, task, provider, prompts.get(drafting.promptId, task.brief.lang), async () => {}),
    )
    return { engine: r.engine, model: r.model, lang: task.brief.lang, ...shape(r.output) }
  }
  let draft: Record<string, unknown>
  try {
    draft =
      kind === 'offer'
        ? await generate(offerKind, offersOf)
        : kind === 'headlines'
          ? await generate(headlinesKind, (d) => d)
          : await generate(interviewKind, interviewShape)
  } catch (err) {
    if (!(err instanceof LlmError)) throw err
    io.err(`copydesk draft: the ${provider.engine} engine failed (${err.failure}): ${err.message}`)
    return 1
  }
  io.out(json ? JSON.stringify(draft) : JSON.stringify(draft, null, 2))
  return 0
}

const fail = (io: Io, file: string, message: string) => {
  io.err(`copydesk draft: ${file}: ${message}`)
  return 1
}
const issuesText = (e: z.ZodError, prefix = '') => e.issues.map((i) => `${prefix}${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
const stringOr = (v: unknown) => (typeof v === 'string' ? v : undefined)
const transcriptsIn = (v: unknown) => z.array(Transcript).optional().catch(undefined).parse(v)

function taskOf(brief: DraftingBrief, policy: Policy): DraftingTask {
  return { brief, feedback: null, previous: null, limits: { headlineMaxLength: headlineMaxLength(policy.file, brief.channel) } }
}

/** The CLI contract's interview shape: the summary with the transcript(s) its quotes index into. */
function interviewShape(d: InterviewDraft): Record<string, unknown> {
  return d.interviews.length === 1
    ? { ...d, speakers: d.interviews[0]!.speakers, transcript: d.interviews[0]!.transcript }
    : { ...d, transcripts: d.interviews.map((i) => ({ id: i.id, text: i.transcript })) }
}

/** The brief's text fields redacted by `r` (its inputs are redacted and parsed by kind above). */
function safeBrief(brief: BriefFile, r: Redactor): Omit<DraftingBrief, 'kind' | 'inputs'> {
  const lang = brief.lang ?? detectLang(brief.audience, brief.task, brief.offer)
  return { lang, ...recordOf(BRIEF_TEXTS, (key) => r.redact(brief[key])), channel: brief.channel, deadline: brief.deadline }
}

/** The CLI contract's offer shape: each offer with its five parts, one-liner and proofs. */
function offersOf(d: OfferDraft) {
  const proofs = d.proofs.map((p) => ({ text: p.claim, status: p.status === 'given' ? 'given' : 'proof_needed' }))
  return {
    offers: d.variants.map((v) => ({
      forWhom: v.forWhom,
      task: v.task,
      timeframe: v.timeframe,
      method: v.method,
      difference: v.difference,
      oneLiner: v.oneLiner,
      pitch: v.pitch,
      proofs,
    })),
    missing: d.missing,
  }
}
