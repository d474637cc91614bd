import { z } from 'zod'
import { GateName } from '../../contracts/runs'
import { ROLES } from '../../contracts/roles'

export const RISK_CATEGORIES = [
  'legal_promise', 'finance', 'medicine', 'supplements', 'safety', 'superlative',
  'personal_data', 'ad_labeling', 'factual_claim', 'brand',
] as const
export const RiskCategory = z.enum(RISK_CATEGORIES, { error: (i) => `unknown risk category "${String(i.input)}"` })
export type RiskCategory = z.infer<typeof RiskCategory>

const RoleName = z.enum(ROLES, { error: (i) => `unknown role "${String(i.input)}"` })
const Gate = z.enum(GateName.options, { error: (i) => `unknown gate "${String(i.input)}"` })
const slug = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, - and _')

export const GateSpec = z.strictObject({
  role: RoleName,
  /** Due date: this many business days (Mon-Fri) after the gate opens. */
  sla_business_days: z.number().int().min(0).max(60),
  /** Gates that must be passed before this one opens. */
  after: z.array(Gate).default([]),
  /** fact_check: `brief` = the brief's named fact-check owner, else default_owner, else anyone with the role. */
  owner: z.enum(['brief', 'role']).default('role'),
  default_owner: z.email().optional(),
  /** Roles that may waive this gate, with a mandatory reason. Empty: no waiver. */
  waivable_by: z.array(RoleName).default([]),
  /** Overdue gates are escalated to this role (shown in their queue). */
  escalate_to: RoleName.optional(),
})

const usd = z.number().nonnegative().max(1_000_000)
/**
 * Monthly AI budgets in USD (calendar month, UTC): per user (their own line, else `per_user`)
 * and per team. When either is spent, further model calls are refused (the offline engine
 * drafts instead); `warn_at` is the share that shows a warning.
 */
export const Budgets = z.strictObject({
  warn_at: z.number().gt(0).lt(1).default(0.8),
  monthly_usd: z
    .strictObject({
      per_user: usd.optional(),
      users: z.record(z.email().transform((e) => e.toLowerCase()), usd).default({}),
      teams: z.record(z.string().min(1).max(100), usd).default({}),
    })
    .default({ users: {}, teams: {} }),
})
export type Budgets = z.infer<typeof Budgets>

export const PolicyFile = z
  .strictObject({
    name: z.string().min(1),
    packs: z.array(slug).min(1),
    channels: z.array(slug).min(1),
    paid_ad_channels: z.array(slug).default([]),
    // Plain string keys, checked below, so an unknown key gets a message naming it.
    gates: z.record(z.string(), GateSpec),
    categories: z.record(z.string(), z.array(Gate)),
    distinct_reviewers: z.boolean().default(false),
    /**
     * A model reviewer that may ADD risk categories to a draft's rule-based ones, never remove
     * any. Used only when a model is configured (OPENAI_API_KEY); off by default.
     */
    llm_classifier: z.strictObject({ enabled: z.boolean() }).default({ enabled: false }),
    /** The longest headline per channel, in characters, that headline drafts are held to. */
    headlines: z
      .strictObject({
        max_length: z.record(z.string(), z.number().int().min(10).max(300)).default({}),
        default_max_length: z.number().int().min(10).max(300).default(70),
      })
      .default({ max_length: {}, default_max_length: 70 }),
    personal_data: z.strictObject({
      /** What to do when a brief's inputs hold personal data: redact before the model, or refuse. */
      inputs: z.enum(['redact', 'block']),
    }),
    budgets: Budgets.default({ warn_at: 0.8, monthly_usd: { users: {}, teams: {} } }),
    /**
     * How many approved results of the same kind, channel and language the model is shown as
     * examples of tone and structure (offers and headlines; 0 = none). Their facts are not the brief's.
     */
    knowledge_base: z.strictObject({ examples: z.number().int().min(0).max(5).default(2) }).default({ examples: 2 }),
    /**
     * Who reads work in progress (briefs as typed, unapproved drafts, claims) besides its author and
     * the reviewers of its gates. Everyone else sees approved results only, redacted.
     */
    access: z.strictObject({ sees_all_work: z.array(RoleName).default(['editor', 'legal', 'cmo', 'admin']) })
      .default({ sees_all_work: ['editor', 'legal', 'cmo', 'admin'] }),
  })
  .superRefine((p, ctx) => {
    for (const key of Object.keys(p.gates)) {
      if (!Gate.safeParse(key).success) ctx.addIssue({ code: 'custom', path: ['gates', key], message: `unknown gate "${key}"` })
    }
    for (const key of Object.keys(p.categories)) {
      if (!RiskCategory.safeParse(key).success) ctx.addIssue({ code: 'custom', path: ['categories', key], message: `unknown risk category "${key}"` })
    }
    const defined = new Set(Object.keys(p.gates))
    if (!p.gates.release) ctx.addIssue({ code: 'custom', path: ['gates', 'release'], message: 'the release gate is required: nothing is published without a human' })
    if (p.gates.release?.waivable_by.length) {
      ctx.addIssue({ code: 'custom', path: ['gates', 'release', 'waivable_by'], message: 'the release gate cannot be waived' })
    }
    for (const [name, spec] of Object.entries(p.gates)) {
      spec?.after.forEach((a, i) => {
        if (!defined.has(a)) ctx.addIssue({ code: 'custom', path: ['gates', name, 'after', i], message: `gate "${a}" is not defined in gates` })
      })
      if (spec?.owner === 'brief' && name !== 'fact_check') {
        ctx.addIssue({ code: 'custom', path: ['gates', name, 'owner'], message: 'only fact_check takes its owner from the brief' })
      }
    }
    for (const channel of Object.keys(p.headlines.max_length)) {
      if (!p.channels.includes(channel)) ctx.addIssue({ code: 'custom', path: ['headlines', 'max_length', channel], message: `channel "${channel}" is not in channels` })
    }
    for (const [cat, gates] of Object.entries(p.categories)) {
      gates?.forEach((g, i) => {
        if (!defined.has(g)) ctx.addIssue({ code: 'custom', path: ['categories', cat, i], message: `gate "${g}" is not defined in gates` })
      })
    }
    p.paid_ad_channels.forEach((c, i) => {
      if (!p.channels.includes(c)) ctx.addIssue({ code: 'custom', path: ['paid_ad_channels', i], message: `channel "${c}" is not in channels` })
    })
  })
export type PolicyFile = z.infer<typeof PolicyFile>

/** A phrase that must appear (any of the alternatives, case-insensitive) — a disclaimer, a label. */
export const Requirement = z
  .strictObject({
    id: slug,
    /** Phrases, any of which satisfies the requirement (case-insensitive, ё = е). */
    any: z.array(z.string().min(1)).default([]),
    /** Or regexes (for labels like "erid: …" or a word that must stand alone, like "ИП"). */
    regex: z.array(z.string().min(1)).default([]),
    /** The wording to add when it is missing. */
    wording: z.string().min(1),
  })
  .refine((r) => r.any.length + r.regex.length > 0, { message: 'a requirement needs `any` phrases or a `regex`' })

export const Rule = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -'),
    category: RiskCategory,
    /** The law or policy article, shown to the reviewer. */
    article: z.string().optional(),
    explain: z.string().min(1),
    fix: z.string().optional(),
    /** Words and phrases. A plain word matches all its inflected forms (stemmed); `word*` matches every word starting so. */
    lexicon: z.array(z.string().min(1)).default([]),
    regex: z.array(z.string().min(1)).default([]),
    /** Regexes are case-insensitive unless this is set (a rule about capital letters). */
    case_sensitive: z.boolean().default(false),
    /** A hit inside a match of one of these regexes is not a hit ("лучше позвонить заранее"). */
    unless: z.array(z.string().min(1)).default([]),
    /** A pluggable detector (personal data) instead of words. */
    detector: z.string().optional(),
    /**
     * Personal data to replace in briefs before any model call, but not a risk in copy by itself
     * (a workshop host's name in an ad). Used by the redactor only, never by classification.
     */
    redact_only: z.boolean().default(false),
    /** For personal-data rules: the placeholder type a redacted finding becomes ([PHONE_1]). */
    pii_type: z.string().regex(/^[A-Z][A-Z_]*$/).optional(),
    /** The rule applies only on these channels / to text in this language. */
    channels: z.array(slug).optional(),
    lang: z.enum(['ru', 'en']).optional(),
    /** When the rule hits, each of these must be present; the absent ones are listed as missing. */
    requires: z.array(Requirement).default([]),
    /** A document-level rule: it hits (once per requirement) when a requirement is absent. */
    when_missing: z.array(Requirement).optional(),
  })
  .refine((r) => r.lexicon.length + r.regex.length > 0 || r.detector || r.when_missing, {
    message: 'a rule needs a lexicon, a regex, a detector or when_missing',
  })
export type Rule = z.infer<typeof Rule>

export const PackFile = z.strictObject({
  id: slug,
  name: z.string().min(1),
  /** Language of the lexicon (decides the stemmer). */
  lang: z.enum(['ru', 'en', 'any']),
  description: z.string().optional(),
  rules: z.array(Rule).min(1),
})
export type PackFile = z.infer<typeof PackFile>

/** The headline length limit of a channel: its own, else the policy's default. */
export const headlineMaxLength = (p: PolicyFile, channel: string): number => p.headlines.max_length[channel] ?? p.headlines.default_max_length
