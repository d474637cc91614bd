// A content plan as files the SEO specialist takes away: keyword -> cluster (CSV), and the same
// plus the plan as a second sheet (XLSX). Also the normalised CSV an uploaded export becomes.
import Papa from 'papaparse'
import writeExcelFile from 'write-excel-file/node'
import type { Lang } from '../../contracts/briefs'
import type { SeoDraft } from '../../contracts/drafts'
import { spreadsheetRow } from '../http/spreadsheet-cell'
import type { KeywordRow } from './cluster'
import { INTENT_NAMES } from './intent'
import { normalizeUrl } from './urls'

type Piece = SeoDraft['clusters'][number]['plan']['pieces'][number]['kind']
type Intent = SeoDraft['clusters'][number]['intent']
/**
 * The file's words in the language asked for. English ones are the stable names scripts read
 * (the default); Russian ones are what a Russian SEO specialist's spreadsheet says.
 */
type Words = {
  keywordHeader: string[]
  planHeader: string[]
  sheets: [string, string]
  pillar: string
  unclustered: string
  piece: Record<Piece, string>
  intent: Record<Intent, string>
}
const WORDS: Record<Lang, Words> = {
  en: {
    keywordHeader: ['keyword', 'cluster', 'pillar', 'intent', 'frequency', 'role'],
    planHeader: ['cluster', 'piece', 'target keyword', 'keywords', 'frequency'],
    sheets: ['Keywords', 'Content plan'],
    pillar: 'pillar',
    unclustered: 'unclustered',
    piece: {
      question: 'question',
      comparison: 'comparison',
      how_to_choose: 'how_to_choose',
      mistakes: 'mistakes',
      how_to: 'how_to',
      price: 'price',
      review: 'review',
    },
    intent: INTENT_NAMES.en,
  },
  ru: {
    keywordHeader: ['запрос', 'кластер', 'основной запрос', 'интент', 'частотность', 'роль'],
    planHeader: ['кластер', 'материал', 'целевой запрос', 'запросы', 'частотность'],
    sheets: ['Запросы', 'Контент-план'],
    pillar: 'основная страница',
    unclustered: 'без кластера',
    piece: {
      question: 'вопрос',
      comparison: 'сравнение',
      how_to_choose: 'как выбрать',
      mistakes: 'ошибки',
      how_to: 'инструкция',
      price: 'цены',
      review: 'отзывы и рейтинги',
    },
    intent: INTENT_NAMES.ru,
  },
}

/** Keywords and cluster names are typed by people (or a model): escaped against formula injection, numbers kept as numbers. */
function keywordRows(d: SeoDraft, w: Words): (string | number)[][] {
  const rows: (string | number)[][] = []
  for (const c of d.clusters) {
    const roleOf = new Map<string, string>([[c.pillar, w.pillar], ...c.plan.pillarKeywords.map((k) => [k, w.pillar] as [string, string])])
    for (const p of c.plan.pieces) for (const k of p.keywords) roleOf.set(k, w.piece[p.kind])
    for (const k of c.keywords) rows.push([k, c.label, c.pillar, w.intent[c.intent], d.frequencies[k] ?? '', roleOf.get(k) ?? ''])
  }
  for (const k of d.unclustered) rows.push([k, '', '', '', d.frequencies[k] ?? '', w.unclustered])
  return rows.map(spreadsheetRow)
}

function planRows(d: SeoDraft, w: Words): (string | number)[][] {
  return d.clusters
    .flatMap((c) => [
      [c.label, w.pillar, c.pillar, [c.pillar, ...c.plan.pillarKeywords].join('; '), c.frequency],
      ...c.plan.pieces.map((p) => [c.label, w.piece[p.kind], p.keyword, p.keywords.join('; '), p.frequency]),
    ])
    .map(spreadsheetRow)
}

export const seoCsv = (d: SeoDraft, lang: Lang = 'en'): string =>
  Papa.unparse({ fields: WORDS[lang].keywordHeader, data: keywordRows(d, WORDS[lang]) })

const header = (names: string[]) => names.map((value) => ({ value, fontWeight: 'bold' as const }))
// string cells are written as text, never as formulas; an empty frequency is an empty cell
const cells = (rows: (string | number)[][]) => rows.map((r) => r.map((v) => (v === '' ? null : v)))

export async function seoXlsx(d: SeoDraft, lang: Lang = 'en'): Promise<Uint8Array<ArrayBuffer>> {
  const w = WORDS[lang]
  const buffer = await writeExcelFile([
    { sheet: w.sheets[0], data: [header(w.keywordHeader), ...cells(keywordRows(d, w))], stickyRowsCount: 1 },
    { sheet: w.sheets[1], data: [header(w.planHeader), ...cells(planRows(d, w))], stickyRowsCount: 1 },
  ]).toBuffer()
  return new Uint8Array(buffer)
}

/**
 * An imported export as the CSV a brief keeps: keyword;frequency;urls (space-separated). Not
 * escaped against formulas: it is never a download, only the text of the brief's keyword field,
 * read back by importText, where a leading `'` would become part of the keyword. Its keywords
 * are escaped when they leave as a file (seoCsv, seoXlsx).
 */
export const normalisedCsv = (rows: KeywordRow[]): string =>
  Papa.unparse(
    { fields: ['keyword', 'frequency', 'urls'], data: rows.map((r) => [r.keyword, r.frequency ?? '', topUrls(r.urls).join(' ')]) },
    { delimiter: ';' },
  )

/** The top 10 result URLs in their compared form (no scheme, www or tracking): a third shorter. */
const topUrls = (urls: string[]) =>
  urls
    .map(normalizeUrl)
    .filter((u): u is string => u !== null)
    .slice(0, 10)
