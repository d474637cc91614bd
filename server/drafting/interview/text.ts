import type { Lang } from '../../../contracts/briefs'
import type { InterviewDraft, Quote } from '../../../contracts/drafts'

const H = {
  ru: {
    insights: 'Ключевые инсайты',
    needs: 'Задачи и потребности',
    objections: 'Возражения',
    barriers: 'Барьеры и страхи',
    quotes: 'Цитаты',
    map: 'Карта возражений',
    of: 'из',
    differences: 'Различия сегментов',
  },
  en: {
    insights: 'Key insights',
    needs: 'Jobs and needs',
    objections: 'Objections',
    barriers: 'Purchase barriers and fears',
    quotes: 'Quotes',
    map: 'Objection map',
    of: 'of',
    differences: 'Segment differences',
  },
}

/** The summary as plain text for the reviewer and the risk rules: every item with its quotes. */
export function interviewText(d: InterviewDraft, lang: Lang): string {
  const h = H[lang]
  const q = (x: Quote) => `«${x.text}»${x.interview ? ` (${x.interview})` : ''}`
  const section = (title: string, items: { head: string; quotes: Quote[] }[]) =>
    items.length
      ? [`${title}:`, ...items.map((i) => `- ${i.head}${i.quotes.length ? `\n    ${i.quotes.map(q).join('\n    ')}` : ''}`)].join('\n')
      : ''
  const blocks = [
    section(
      h.insights,
      d.insights.map((i) => ({ head: i.text, quotes: i.quotes })),
    ),
    section(
      h.needs,
      d.needs.map((n) => ({ head: n.label, quotes: n.quotes })),
    ),
    section(
      h.objections,
      d.objections.map((o) => ({ head: o.label, quotes: o.quotes })),
    ),
    section(
      h.barriers,
      d.barriers.map((b) => ({ head: b.label, quotes: b.quotes })),
    ),
  ]
  if (d.interviews.length > 1) {
    blocks.push(
      section(
        h.map,
        d.objectionMap.map((r) => ({
          head: `${r.label}: ${r.interviews} ${h.of} ${d.interviews.length} (${r.which.join(', ')})`,
          quotes: [r.example],
        })),
      ),
    )
    if (d.differences.length) blocks.push([`${h.differences}:`, ...d.differences.map((x) => `- ${x}`)].join('\n'))
  } else {
    blocks.push(
      section(
        h.quotes,
        d.quotes.map((x) => ({ head: q(x), quotes: [] })),
      ),
    )
  }
  return blocks.filter(Boolean).join('\n\n')
}
