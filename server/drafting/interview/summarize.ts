// The offline interview engine: an extractive summary of one transcript. Customer sentences are
// scored with the cue lexicons; objections and barriers are grouped by topic, needs are labelled
// from the words after the need cue, and every item cites verbatim sentences with their offsets.
import type { Lang } from '../../../contracts/briefs'
import { fold } from '../../pii/name-forms'
import { ruPlural } from '../ru-plural'
import { TOPIC_LABELS, cuesOf, type Cues, type Topic } from './lexicon'
import { parseTranscript, sentencesOf, type Role, type Sentence } from './transcript'

export type Quote = { text: string; start: number; end: number; speaker: string; role: Role; interview?: string }
export type TopicItem = { key: string; label: string; quotes: Quote[] }
export type Need = { label: string; quotes: Quote[] }
export type Insight = { text: string; quotes: Quote[] }
export type InterviewSummary = {
  speakers: { label: string; role: Role }[]
  insights: Insight[]
  needs: Need[]
  objections: TopicItem[]
  barriers: TopicItem[]
  quotes: Quote[]
}

type Scored = { s: Sentence; cues: Cues; objection: number; barrier: number; need: number; salience: number }

const MAX_QUOTES_PER_ITEM = 4
const MAX_NEEDS = 6
const MAX_QUOTES = 12

const quoteOf = (s: Sentence): Quote => ({ text: s.text, start: s.start, end: s.end, speaker: s.turn.speaker, role: s.turn.role })
const words = (s: string) => s.split(/\s+/).filter(Boolean).length

/** Scores a sentence; the sentence before it in the same turn lends half its complaint signal. */
function score(s: Sentence, prev: Cues | undefined): Scored {
  const cues = cuesOf(s.text)
  const topic = cues.topics[0]?.[1] ?? 0
  const complaint = cues.negative + 0.5 * cues.intensity + 0.5 * (prev ? prev.negative + prev.fear : 0)
  const barrier = cues.fear > 0 ? cues.fear + (topic > 0 ? 1 : 0) : 0
  const objection = topic > 0 && complaint >= 1 ? topic + complaint : 0
  const need = cues.need
  const salience = objection + barrier + need + (/\d/.test(s.text) ? 0.5 : 0) + (words(s.text) >= 6 ? 0.5 : 0)
  return { s, cues, objection, barrier, need, salience }
}

function scoreTurn(sentences: Sentence[]): Scored[] {
  const out: Scored[] = []
  for (const s of sentences) out.push(score(s, out.at(-1)?.cues))
  return out
}

export function summarizeInterview(text: string, lang: Lang): InterviewSummary {
  const t = parseTranscript(text)
  // no speaker labels at all: a monologue or notes, every sentence is the customer's
  const turns =
    t.turns.length > 0
      ? t.turns.filter((x) => x.role === 'customer')
      : [{ index: 0, speaker: '', role: 'customer' as const, start: 0, end: text.length }]
  const scored = turns.flatMap((turn) => scoreTurn(sentencesOf(text, turn))).filter((x) => words(x.s.text) >= 3)

  const barriers = scored.filter((x) => x.barrier >= 2 || (x.barrier >= 1 && x.objection >= 2))
  const objections = scored.filter((x) => x.objection >= 2 && !barriers.includes(x))
  const needs = scored
    .filter((x) => x.need > 0 && !objections.includes(x) && !barriers.includes(x))
    .sort((a, b) => b.salience - a.salience)
    .slice(0, MAX_NEEDS)

  const objectionItems = byTopic(objections, (x) => x.objection, lang)
  const barrierItems = byTopic(barriers, (x) => x.barrier + x.objection, lang)
  const needItems = needs.map((x) => ({ label: needLabel(x.s.text), quotes: [quoteOf(x.s)] }))

  const cited = new Set([...objections, ...barriers, ...needs])
  const extra = scored.filter((x) => !cited.has(x)).sort((a, b) => b.salience - a.salience)
  const quotes = [...cited, ...extra]
    .sort((a, b) => b.salience - a.salience)
    .slice(0, MAX_QUOTES)
    .sort((a, b) => a.s.start - b.s.start)
    .map((x) => quoteOf(x.s))

  return {
    speakers: t.speakers,
    insights: insightsOf(objectionItems, barrierItems, needItems, scored, lang),
    needs: needItems,
    objections: objectionItems,
    barriers: barrierItems,
    quotes,
  }
}

function byTopic(items: Scored[], weight: (x: Scored) => number, lang: Lang): TopicItem[] {
  const groups = new Map<Topic | 'other', { total: number; members: Scored[] }>()
  for (const x of items) {
    const key = x.cues.topics[0]?.[0] ?? 'other'
    const g = groups.get(key) ?? { total: 0, members: [] }
    g.total += weight(x)
    g.members.push(x)
    groups.set(key, g)
  }
  return [...groups]
    .sort((a, b) => b[1].total - a[1].total)
    .map(([key, g]) => ({
      key,
      label: key === 'other' ? (lang === 'ru' ? 'Другие опасения' : 'Other concerns') : TOPIC_LABELS[key][lang],
      quotes: g.members
        .sort((a, b) => weight(b) - weight(a))
        .slice(0, MAX_QUOTES_PER_ITEM)
        .sort((a, b) => a.s.start - b.s.start)
        .map((x) => quoteOf(x.s)),
    }))
}

// The need in the customer's own words: what follows the need cue ("нужно, чтобы заказы уходили в СДЭК").
const NEED_CUE =
  /(?:нужно|нужна|нужен|надо|хочу|хотим|хотелось бы|важно|главное|ищем|искали|need|needed|want|wanted|looking for|would love|i'd love|important|has to|have to|must|trying to)[,:]?\s+(?:(?:чтобы|что|to|that|is|was|a|an|the)\s+)?/iu

function needLabel(sentence: string): string {
  const m = NEED_CUE.exec(sentence)
  const rest = (m ? sentence.slice(m.index + m[0].length) : sentence).replace(/[.!?…»"”]+$/u, '').trim()
  const ws = rest.split(/\s+/)
  return (ws.length > 10 ? `${ws.slice(0, 10).join(' ')}…` : rest) || sentence
}

const POSITIVE =
  /(?<!\p{L})(?:нравит|удобн|отличн|хорош|спасибо|доволен|довольна|супер|люблю|love|great|like|liked|works well|easy|happy|helpful|lovely)/iu
const ALTERNATIVE =
  /(?<!\p{L})(?:конкурент|перешл|перешел|перешла|ушли к|ушла к|ушел к|пользуемся|раньше был|competitor|switched to|moved to|went with|we use|instead|alternative|other provider|cheaper option)/iu

function insightsOf(objections: TopicItem[], barriers: TopicItem[], needs: Need[], scored: Scored[], lang: Lang): Insight[] {
  const ru = lang === 'ru'
  const out: Insight[] = []
  const mentions = (n: number) =>
    ru ? `${n} ${ruPlural(n, ['упоминание', 'упоминания', 'упоминаний'])}` : `${n} mention${n === 1 ? '' : 's'}`
  const [top, second] = objections
  if (top)
    out.push({
      text: ru
        ? `Главное возражение — ${lower(top.label)} (${mentions(top.quotes.length)}).`
        : `The main objection is ${lower(top.label)} (${mentions(top.quotes.length)}).`,
      quotes: top.quotes.slice(0, 2),
    })
  if (second)
    out.push({
      text: ru ? `Также мешает: ${lower(second.label)}.` : `Also in the way: ${lower(second.label)}.`,
      quotes: second.quotes.slice(0, 1),
    })
  const [fear] = barriers
  if (fear)
    out.push({
      text: ru ? `Что сдерживает покупку: ${lower(fear.label)}.` : `What holds the purchase back: ${lower(fear.label)}.`,
      quotes: fear.quotes.slice(0, 2),
    })
  const [need] = needs
  if (need) out.push({ text: ru ? `Ключевая потребность: ${need.label}.` : `Key need: ${need.label}.`, quotes: need.quotes })
  const alt = scored.find((x) => ALTERNATIVE.test(fold(x.s.text)))
  if (alt)
    out.push({
      text: ru ? 'Клиент сравнивает с альтернативой.' : 'The customer compares us with an alternative.',
      quotes: [quoteOf(alt.s)],
    })
  const liked = scored
    .filter((x) => POSITIVE.test(x.s.text) && x.objection === 0 && x.barrier === 0)
    .sort((a, b) => b.salience - a.salience)[0]
  if (liked) out.push({ text: ru ? 'Что клиент ценит.' : 'What the customer values.', quotes: [quoteOf(liked.s)] })
  return out
}

const lower = (s: string) => s[0]!.toLocaleLowerCase() + s.slice(1)
