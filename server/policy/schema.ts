import { z } from 'zod'
import { GateName } from '../../contracts/runs'
import { ROLES } from '../../contracts/roles'
import { RiskCategory } from '../../contracts/risks'
import { BriefKind } from '../../contracts/briefs'
import { isTimeZone } from '../time-zone'

export { RISK_CATEGORIES, RiskCategory } from '../../contracts/risks'

const RoleName = z.enum(ROLES, { error: (i) => `unknown role "${String(i.input)}"` })
const Gate = z.enum(GateName.options, { error: (i) => `unknown gate "${String(i.input)}"` })
const IsoDay = z.iso.date({ error: 'a date as YYYY-MM-DD' })
const slug = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, - and _')
/**
 * A text the UI shows, in both of its languages: a reviewer reads a rule in the UI's language,
 * whatever the language of the copy it checks.
 */
const Localized = z.strictObject(
  {
    ru: z.string({ error: 'the Russian text is missing' }).trim().min(1, 'the Russian text is empty'),
    en: z.string({ error: 'the English text is missing' }).trim().min(1, 'the English text is empty'),
  },
  {
    error: (i) =>
      i.code === 'invalid_type' && (i.input === undefined || typeof i.input === 'string')
        ? 'the text in both languages is missing: { ru: …, en: … }'
        : undefined,
  },
)
export type LocalizedText = z.infer<typeof Localized>
/** A text given once for both UI languages, or in each. */
export const textIn = (text: string | LocalizedText | undefined, lang: 'ru' | 'en'): string | undefined =>
  typeof text === 'string' || text === undefined ? text : text[lang]

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
      users: z
        .record(
          z.email().transform((e) => e.toLowerCase()),
          usd,
        )
        .default({}),
      teams: z.record(z.string().min(1).max(100), usd).default({}),
    })
    .default({ users: {}, teams: {} }),
})
export type Budgets = z.infer<typeof Budgets>

/** One sector a brief can declare as what it advertises. */
export const Sector = z.strictObject({
  label: z.string().min(1),
  label_ru: z.string().min(1).optional(),
  /** The risk categories advertising in this sector carries (its law's rules). */
  categories: z.array(RiskCategory).min(1),
})
export type Sector = z.infer<typeof Sector>

/** The value a brief gives when what it advertises is none of the policy's sectors. */
export const OTHER_SECTOR = 'other'

/** Names the server gives its own destinations (from the environment); a policy's cannot take them. */
export const RESERVED_DESTINATIONS = ['default', 'events', 'chat', 'telegram'] as const

/**
 * A hand-off destination besides COPYDESK_HANDOFF_URL: a CMS, an e-mail platform, a stand-in. The
 * secret is never in the file (the policy is shown to every user and kept in the database): the
 * file names the environment variable that holds it.
 */
const HandoffDestination = z.strictObject({
  name: slug,
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }),
  secret_env: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'the name of an environment variable (A-Z, 0-9, _)'),
  /** Only approved texts of these kinds (all when empty). */
  kinds: z.array(BriefKind).default([]),
  /** Only approved texts for these channels (all when empty). */
  channels: z.array(slug).default([]),
})

export const PolicyFile = z
  .strictObject({
    /** The policy's name: one for both UI languages, or `{ ru, en }`. */
    name: z.union([z.string().min(1), Localized]),
    packs: z.array(slug).min(1),
    channels: z.array(slug).min(1),
    paid_ad_channels: z.array(slug).default([]),
    // Plain string keys, checked below, so an unknown key gets a message naming it.
    gates: z.record(z.string(), GateSpec),
    categories: z.record(z.string(), z.array(Gate)),
    distinct_reviewers: z.boolean().default(false),
    /**
     * A model reviewer that may ADD risk categories to a draft's rule-based ones, never remove
     * any. On by default; it runs only when a model is configured (OPENAI_API_KEY).
     */
    llm_classifier: z.strictObject({ enabled: z.boolean() }).default({ enabled: true }),
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
      /**
       * The guard's recall-first operating point: what is replaced before any model call (briefs,
       * transcripts, knowledge-base text). `every_mention`: any mention of a person, a lone given
       * name or surname included; `full_names`: two-word names and cue-backed ones only.
       */
      to_model: z
        .strictObject({ names: z.enum(['every_mention', 'full_names']).default('every_mention') })
        .default({ names: 'every_mention' }),
      /**
       * The precision-first point: which names make a draft's personal_data gate fire. A name found
       * with at least this confidence (two-word patterns 0.8, a role or greeting cue 0.75, a lone
       * dictionary name 0.7, a surname by its suffix 0.6) and, with `needs_qualifier`, next to an
       * age, a city, an occupation, a street or other personal data.
       */
      in_copy: z
        .strictObject({ min_name_confidence: z.number().min(0).max(1).default(0.75), needs_qualifier: z.boolean().default(true) })
        .default({ min_name_confidence: 0.75, needs_qualifier: true }),
    }),
    budgets: Budgets.default({ warn_at: 0.8, monthly_usd: { users: {}, teams: {} } }),
    /**
     * How many approved results of the same kind, channel and language the model is shown as
     * examples of tone and structure (offers and headlines; 0 = none). Their facts are not the brief's.
     */
    knowledge_base: z.strictObject({ examples: z.number().int().min(0).max(5).default(2) }).default({ examples: 2 }),
    /**
     * A visible label for AI-assisted copy on these channels (EU AI Act art. 50, a platform's rule,
     * the house's own): carried with the approved text in its export and hand-off, in the text's language.
     */
    ai_label: z
      .strictObject({ channels: z.array(slug).min(1), text: z.strictObject({ ru: z.string().min(1), en: z.string().min(1) }) })
      .optional(),
    /**
     * Who reads work in progress (briefs as typed, unapproved drafts, claims) besides its author and
     * the reviewers of its gates. Everyone else sees approved results only, redacted.
     */
    access: z
      .strictObject({ sees_all_work: z.array(RoleName).default(['editor', 'legal', 'cmo', 'admin']) })
      .default({ sees_all_work: ['editor', 'legal', 'cmo', 'admin'] }),
    /**
     * What is advertised (38-FZ art. 21, 24, 25, 28 apply by the object of advertising): the
     * sectors a brief may declare and the risk categories each brings. Rules with `sector:` infer
     * them from the text; a declared sector the text disagrees with goes to legal_review.
     */
    sectors: z.record(slug, Sector).default({}),
    /**
     * Kinds that are never published as they are (research, keyword plans): only these categories
     * apply to them (personal data by default), not the advertising rules.
     */
    internal_kinds: z
      .strictObject({ kinds: z.array(z.string().min(1)).default([]), categories: z.array(RiskCategory).default(['personal_data']) })
      .default({ kinds: [], categories: ['personal_data'] }),
    /**
     * Mandatory wording a draft still lacks (a warning, a label) blocks `pass` at these gates unless
     * the reviewer waives it with a reason (`waive_missing`), which is on record.
     */
    missing_wording: z
      .strictObject({ blocks_pass_at: z.array(Gate).default(['legal_review', 'release']) })
      .default({ blocks_pass_at: ['legal_review', 'release'] }),
    /**
     * The days a review's SLA counts (server/policy/calendar.ts): weekdays in `time_zone`, minus the
     * holidays and moved days off of the production calendar `production` (policies/calendars/),
     * plus the company's own `days_off`, and the weekend days in `working_days`.
     */
    calendar: z
      .strictObject({
        time_zone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Moscow'),
        production: slug.optional(),
        days_off: z.array(IsoDay).default([]),
        working_days: z.array(IsoDay).default([]),
      })
      .default({ time_zone: 'UTC', days_off: [], working_days: [] }),
    /** Where approved texts go besides COPYDESK_HANDOFF_URL (server/handoff/policy-destinations.ts). */
    handoff: z.strictObject({ destinations: z.array(HandoffDestination).default([]) }).default({ destinations: [] }),
  })
  .superRefine((p, ctx) => {
    for (const key of Object.keys(p.gates)) {
      if (!Gate.safeParse(key).success) ctx.addIssue({ code: 'custom', path: ['gates', key], message: `unknown gate "${key}"` })
    }
    for (const key of Object.keys(p.categories)) {
      if (!RiskCategory.safeParse(key).success)
        ctx.addIssue({ code: 'custom', path: ['categories', key], message: `unknown risk category "${key}"` })
    }
    const defined = new Set(Object.keys(p.gates))
    if (!p.gates.release)
      ctx.addIssue({
        code: 'custom',
        path: ['gates', 'release'],
        message: 'the release gate is required: nothing is published without a human',
      })
    if (p.gates.release?.waivable_by.length) {
      ctx.addIssue({ code: 'custom', path: ['gates', 'release', 'waivable_by'], message: 'the release gate cannot be waived' })
    }
    for (const [name, spec] of Object.entries(p.gates)) {
      spec?.after.forEach((a, i) => {
        if (!defined.has(a))
          ctx.addIssue({ code: 'custom', path: ['gates', name, 'after', i], message: `gate "${a}" is not defined in gates` })
      })
      if (spec?.owner === 'brief' && name !== 'fact_check') {
        ctx.addIssue({ code: 'custom', path: ['gates', name, 'owner'], message: 'only fact_check takes its owner from the brief' })
      }
    }
    for (const channel of Object.keys(p.headlines.max_length)) {
      if (!p.channels.includes(channel))
        ctx.addIssue({ code: 'custom', path: ['headlines', 'max_length', channel], message: `channel "${channel}" is not in channels` })
    }
    for (const [cat, gates] of Object.entries(p.categories)) {
      gates?.forEach((g, i) => {
        if (!defined.has(g)) ctx.addIssue({ code: 'custom', path: ['categories', cat, i], message: `gate "${g}" is not defined in gates` })
      })
    }
    for (const [id, sector] of Object.entries(p.sectors)) {
      const reaches = sector.categories.some((c) => (p.categories[c] ?? []).includes('legal_review'))
      if (p.gates.legal_review && !reaches) {
        ctx.addIssue({
          code: 'custom',
          path: ['sectors', id, 'categories'],
          message: 'a sector must bring a category that goes to legal_review (a text that reads as it must reach a lawyer)',
        })
      }
    }
    if (OTHER_SECTOR in p.sectors)
      ctx.addIssue({ code: 'custom', path: ['sectors', OTHER_SECTOR], message: `"${OTHER_SECTOR}" is built in: none of the sectors` })
    p.paid_ad_channels.forEach((c, i) => {
      if (!p.channels.includes(c))
        ctx.addIssue({ code: 'custom', path: ['paid_ad_channels', i], message: `channel "${c}" is not in channels` })
    })
    p.ai_label?.channels.forEach((c, i) => {
      if (!p.channels.includes(c))
        ctx.addIssue({ code: 'custom', path: ['ai_label', 'channels', i], message: `channel "${c}" is not in channels` })
    })
    const names = new Set<string>()
    p.handoff.destinations.forEach((d, i) => {
      const at = ['handoff', 'destinations', i]
      if ((RESERVED_DESTINATIONS as readonly string[]).includes(d.name))
        ctx.addIssue({ code: 'custom', path: [...at, 'name'], message: `"${d.name}" is the name of a destination set by the environment` })
      else if (names.has(d.name)) ctx.addIssue({ code: 'custom', path: [...at, 'name'], message: `"${d.name}" is named twice` })
      names.add(d.name)
      d.channels.forEach((c, j) => {
        if (!p.channels.includes(c))
          ctx.addIssue({ code: 'custom', path: [...at, 'channels', j], message: `channel "${c}" is not in channels` })
      })
    })
  })
export type PolicyFile = z.infer<typeof PolicyFile>

/** A phrase that must appear (any of the alternatives, case-insensitive) — a disclaimer, a label. */
export const Requirement = z
  .strictObject({
    id: slug,
    /** What is required, as the reviewer reads it (a contraindications warning, the erid token). */
    title: Localized,
    /** Phrases, any of which satisfies the requirement (case-insensitive, ё = е). */
    any: z.array(z.string().min(1)).default([]),
    /** Or regexes (for labels like "erid: …" or a word that must stand alone, like "ИП"). */
    regex: z.array(z.string().min(1)).default([]),
    /** The wording to add when it is missing: copy, in the language of the rule's texts. */
    wording: z.string().min(1),
  })
  .refine((r) => r.any.length + r.regex.length > 0, { message: 'a requirement needs `any` phrases or a `regex`' })
export type Requirement = z.infer<typeof Requirement>

export const Rule = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -'),
    category: RiskCategory,
    /** The rule's name in lists (the policy page, a draft's risks). */
    title: Localized,
    /** The law or policy article, shown to the reviewer: as cited (in the pack's language), or `{ ru, en }`. */
    article: z.union([z.string().min(1), Localized]).optional(),
    /** Why a hit is a risk, and what to do about it. */
    explain: Localized,
    fix: Localized.optional(),
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
    pii_type: z
      .string()
      .regex(/^[A-Z][A-Z_]*$/)
      .optional(),
    /** The rule's hits say the text advertises this sector (one of the policy's `sectors`). */
    sector: slug.optional(),
    /**
     * Hits count only where the words name what is sold: not a customer ("CRM для клиник",
     * "software for banks"), not an expense ("вычет за лечение"), not inside a quoted name
     * («Таблетка от скуки»).
     */
    advertised: z.boolean().default(false),
    /**
     * Meaning, not one word: every group must hit within `within` words in one sentence (an effect
     * verb near a body function: "возвращают стопе свод", "regrows thinning hair"). Entries are
     * lexicon entries (stems; `word*` prefixes).
     */
    near: z
      .array(z.array(z.string().min(1)).min(1))
      .min(2)
      .optional(),
    within: z.number().int().min(1).max(30).default(8),
    /** The rule hits only when the text holds at least this many of its matches (a pattern, not one word). */
    min_hits: z.number().int().min(1).max(20).default(1),
    /** `near` groups must meet in one sentence (false: a label of fragments, "Creatine. 5 g per scoop."). */
    same_sentence: z.boolean().default(true),
    /** The rule applies only on these channels / to text in this language. */
    channels: z.array(slug).optional(),
    lang: z.enum(['ru', 'en']).optional(),
    /** When the rule hits, each of these must be present; the absent ones are listed as missing. */
    requires: z.array(Requirement).default([]),
    /** A document-level rule: it hits (once per requirement) when a requirement is absent. */
    when_missing: z.array(Requirement).optional(),
  })
  .refine((r) => r.lexicon.length + r.regex.length > 0 || r.detector || r.when_missing || r.near, {
    message: 'a rule needs a lexicon, a regex, near groups, a detector or when_missing',
  })
export type Rule = z.infer<typeof Rule>

/**
 * The words that tell a customer from what is sold, for rules marked `advertised`: software sold
 * "для клиник" does not advertise medicine; "вычет за лечение" is not a medical service.
 */
export const AdvertisedContext = z.strictObject({
  /** Words that make the next noun phrase the buyer: для, for. */
  buyer_markers: z.array(z.string().min(1)).default([]),
  /** Institutions and professions that buy B2B products (клиник*, bank*). */
  customers: z.array(z.string().min(1)).default([]),
  /** Services whose object is the customer: "уборка медицинских центров", "software for". */
  services: z.array(z.string().min(1)).default([]),
  /** Money words that make a sector word an occasion: вычет, расходы, bills, deduction. */
  expenses: z.array(z.string().min(1)).default([]),
  /** Pronouns that end a buyer phrase ("для вас кредит" names no buyer). */
  pronouns: z.array(z.string().min(1)).default([]),
})
export type AdvertisedContext = z.infer<typeof AdvertisedContext>

export const PackFile = z.strictObject({
  id: slug,
  name: Localized,
  /** Language of the lexicon (decides the stemmer). */
  lang: z.enum(['ru', 'en', 'any']),
  description: Localized.optional(),
  context: AdvertisedContext.optional(),
  rules: z.array(Rule).min(1),
})
export type PackFile = z.infer<typeof PackFile>

/** The headline length limit of a channel: its own, else the policy's default. */
export const headlineMaxLength = (p: PolicyFile, channel: string): number =>
  p.headlines.max_length[channel] ?? p.headlines.default_max_length
