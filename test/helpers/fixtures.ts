import type { CreateBriefInput } from '../../contracts/briefs'

type OfferBrief = Extract<CreateBriefInput, { kind: 'offer' }>

/** A safe offer: no numbers, no superlatives, no regulated topic. The default policy gates it with `release` only. */
export function offerBrief(overrides: Partial<OfferBrief> = {}): OfferBrief {
  return {
    kind: 'offer',
    title: 'Booking page for yoga studios',
    audience: 'Owners of small yoga studios',
    task: 'Fill the evening classes',
    offer: 'A booking page with e-mail reminders',
    format: 'landing page',
    channel: 'landing',
    deadline: '2026-12-15',
    qualityCriteria: 'Retellable in ten seconds; no unproven claims',
    successMetrics: 'More trial bookings',
    inputs: {
      product: 'StudioDesk',
      timeframe: 'within the first month',
      method: 'online booking with e-mail reminders',
      differentiator: 'set up in an afternoon, no IT staff needed',
    },
    ...overrides,
  }
}

/** A risky offer: a dental clinic (medicine), a result in numbers (a claim), a guarantee. */
export function medicalOfferBrief(overrides: Partial<OfferBrief> = {}): OfferBrief {
  return offerBrief({
    title: 'CRM for dental clinics',
    audience: 'Owners of private dental clinics with 3-10 chairs',
    task: 'Cut patient no-shows',
    offer: 'A CRM with automatic appointment reminders',
    inputs: {
      product: 'RemindCRM',
      timeframe: '30 days',
      method: 'SMS and WhatsApp reminders before each visit',
      differentiator: 'guaranteed setup in one day',
      proofs: ['Clinic "Smile" cut no-shows from 18% to 7% in 2 months'],
    },
    ...overrides,
  })
}

type InterviewBrief = Extract<CreateBriefInput, { kind: 'interview_summary' }>

/** A customer-research brief: one transcript, or a set of them for a synthesis. */
export function interviewBrief(inputs: InterviewBrief['inputs'], overrides: Partial<InterviewBrief> = {}): InterviewBrief {
  return {
    kind: 'interview_summary',
    title: 'Q4 interviews with studio owners',
    audience: 'Owners of small yoga studios',
    task: 'Why trials do not convert to paid plans',
    offer: 'StudioDesk booking page',
    format: 'interview summary',
    channel: 'internal',
    deadline: '2026-12-15',
    qualityCriteria: 'Every finding backed by a quote',
    successMetrics: 'Objection map for the sales team',
    lang: 'ru',
    inputs,
    ...overrides,
  }
}

type HeadlinesBrief = Extract<CreateBriefInput, { kind: 'headlines' }>

/** Headlines for a search ad of a dental-clinic CRM (a number from the brief, key phrases). */
export function headlinesBrief(overrides: Partial<HeadlinesBrief> = {}): HeadlinesBrief {
  return {
    kind: 'headlines',
    title: 'Search ads: reminders for dental clinics',
    audience: 'Owners of private dental clinics',
    task: 'Cut patient no-shows',
    offer: 'A CRM that sends appointment reminders by SMS',
    format: 'search ad headlines',
    channel: 'search_ad',
    deadline: '2026-12-15',
    qualityCriteria: 'Different angles; no unproven claims',
    successMetrics: 'CTR above 5%',
    lang: 'en',
    inputs: { count: 10, keyPhrases: ['dental CRM', 'appointment reminders'] },
    ...overrides,
  }
}

type SeoBrief = Extract<CreateBriefInput, { kind: 'seo_clusters' }>

/** A content-plan brief from a keyword export. */
export function seoBrief(keywordsCsv: string, overrides: Partial<SeoBrief> = {}): SeoBrief {
  return {
    kind: 'seo_clusters',
    title: 'Content plan Q1',
    audience: 'Small teams choosing tools',
    task: 'Plan the blog for the next quarter',
    offer: 'Guides and comparisons',
    format: 'content plan',
    channel: 'blog',
    deadline: '2026-12-15',
    qualityCriteria: 'One pillar per cluster',
    successMetrics: 'Organic traffic',
    lang: 'en',
    inputs: { keywordsCsv },
    ...overrides,
  }
}

/** A model's offer reply, as the fake OpenAI server scripts it: one variant with this one-liner and pitch, and a given proof if any. */
export function modelOfferReply(extra: Partial<{ oneLiner: string; pitch: string; proof: string }> = {}) {
  return {
    variants: [
      {
        forWhom: 'Studio owners',
        task: 'Fill classes',
        timeframe: 'first month',
        method: 'Booking page',
        difference: 'Afternoon setup',
        oneLiner: extra.oneLiner ?? 'StudioDesk fills evening classes',
        pitch: extra.pitch ?? 'StudioDesk fills your evening classes.',
      },
    ],
    proofs: extra.proof ? [{ claim: extra.proof, status: 'given' }] : [],
    missing: [],
  }
}

/** The model's offer reply for the clinic brief (offerBrief): a draft the offer schema accepts, with one given proof. */
export const CLINIC_OFFER_REPLY = {
  variants: [
    {
      forWhom: 'Clinic owners',
      task: 'Fewer no-shows',
      timeframe: '30 days',
      method: 'Reminders',
      difference: 'One-day setup',
      oneLiner: 'RemindCRM: fewer no-shows in 30 days',
      pitch: 'RemindCRM cuts no-shows in 30 days.',
    },
  ],
  proofs: [{ claim: 'Clinic "Smile" cut no-shows from 18% to 7%', status: 'given' }],
  missing: [],
}
