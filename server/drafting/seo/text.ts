import type { Lang } from '../../../contracts/briefs'
import type { SeoDraft } from '../../../contracts/drafts'
import { INTENT_NAMES } from '../../seo/intent'

const H = {
  ru: {
    pillar: 'Основная страница',
    pieces: 'Поддерживающие материалы',
    unclustered: 'Без кластера',
    keywords: 'запросов',
    freq: 'частотность',
  },
  en: { pillar: 'Pillar page', pieces: 'Supporting pieces', unclustered: 'Unclustered', keywords: 'keywords', freq: 'frequency' },
}

/** The content plan as plain text: what the reviewer reads and the writer copies. */
export function seoText(d: SeoDraft, lang: Lang): string {
  const h = H[lang]
  // 125 347 in Russian, 125,347 in English
  const count = new Intl.NumberFormat(lang)
  const blocks = d.clusters.map((c) =>
    [
      `${c.label} (${c.keywords.length} ${h.keywords}, ${h.freq} ${count.format(c.frequency)}, ${INTENT_NAMES[lang][c.intent]})`,
      `  ${h.pillar}: ${c.pillar}${c.plan.pillarKeywords.length ? ` (+ ${c.plan.pillarKeywords.join('; ')})` : ''}`,
      ...(c.plan.pieces.length
        ? [
            `  ${h.pieces}:`,
            ...c.plan.pieces.map((p) => `    - ${p.keyword}${p.keywords.length > 1 ? ` (+ ${p.keywords.slice(1).join('; ')})` : ''}`),
          ]
        : []),
    ].join('\n'),
  )
  if (d.unclustered.length) blocks.push(`${h.unclustered}: ${d.unclustered.join('; ')}`)
  return blocks.join('\n\n')
}
