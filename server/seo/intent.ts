// Search intent by cue words, RU and EN, as SEO specialists label it before planning content.
import type { Lang } from '../../contracts/briefs'

export type Intent = 'transactional' | 'commercial' | 'informational' | 'navigational'

/** Each intent as a plan and its files name it; the English names are the stable ones scripts read. */
export const INTENT_NAMES: Record<Lang, Record<Intent, string>> = {
  en: { transactional: 'transactional', commercial: 'commercial', informational: 'informational', navigational: 'navigational' },
  ru: { transactional: 'транзакционный', commercial: 'коммерческий', informational: 'информационный', navigational: 'навигационный' },
}

const CUES: [Intent, RegExp][] = [
  [
    'transactional',
    /(?<![\p{L}])(?:купить|куплю|заказать|закажу|оформить|доставк\p{L}*|в кредит|рассрочк\p{L}*|скачать|записаться|запись|вызвать|арендовать|аренда|снять|бронь|забронировать|buy|order|purchase|download|book|booking|rent|hire|subscribe|sign up|coupon|promo code|discount code|for sale|near me|delivery|shipping)(?![\p{L}])/iu,
  ],
  [
    'commercial',
    /(?<![\p{L}])(?:цен\p{L}*|стоимост\p{L}*|сколько стоит|прайс|недорог\p{L}*|дешев\p{L}*|лучши\p{L}*|топ|рейтинг|отзыв\p{L}*|сравнени\p{L}*|или|vs|против|аналог\p{L}*|обзор\p{L}*|price|prices|pricing|cost|costs|cheap|cheapest|affordable|best|top|review|reviews|rating|compare|comparison|versus|vs|alternative|alternatives)(?![\p{L}])/iu,
  ],
  [
    'navigational',
    /(?<![\p{L}])(?:официальн\p{L}* сайт|сайт|личный кабинет|вход|логин|login|log in|sign in|official site|website|app|приложение|телефон|адрес|контакты|contact|customer service|hours)(?![\p{L}])/iu,
  ],
  [
    'informational',
    /(?<![\p{L}])(?:как|что|почему|зачем|когда|какой|какая|какие|сколько|можно ли|нужно ли|своими руками|инструкция|виды|это|how|what|why|when|which|guide|tutorial|tips|ideas|examples|meaning|definition|diy|is it|can i|should i|ошибки|mistakes)(?![\p{L}])/iu,
  ],
]

/** The intent whose cues a keyword carries, in the order above; null when it carries none (a bare topic). */
export function intentOf(keyword: string): Intent | null {
  const k = keyword.toLowerCase().replace(/ё/g, 'е')
  return CUES.find(([, cue]) => cue.test(k))?.[0] ?? null
}

/** A cluster's intent: the one its cued keywords carry most frequency for; informational when none carries a cue. */
export function clusterIntent(keywords: { keyword: string; frequency: number }[]): Intent {
  const weight = new Map<Intent, number>()
  for (const k of keywords) {
    const intent = intentOf(k.keyword)
    if (intent) weight.set(intent, (weight.get(intent) ?? 0) + Math.max(1, k.frequency))
  }
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'informational'
}
