// Cue lexicons (RU + EN) of the extractive interview engine: what each objection/barrier topic
// sounds like, and the words that turn a sentence into an objection, a fear or a need. Stems
// match at a word start, case-insensitive, with ё folded to е. Written from interview practice
// and the development half of the fixtures only; the held-out half is only ever scored.
import { fold } from '../../pii/name-forms'

export const TOPICS = [
  'price', 'implementation_effort', 'integration', 'data_security', 'migration_risk', 'switching_cost', 'approval_needed',
  'timing', 'no_need', 'missing_feature', 'support_quality', 'trust_vendor', 'contract_terms', 'learning_curve', 'performance_reliability',
] as const
export type Topic = (typeof TOPICS)[number]

export const TOPIC_LABELS: Record<Topic, { ru: string; en: string }> = {
  price: { ru: 'Цена и платежи', en: 'Price and fees' },
  implementation_effort: { ru: 'Трудозатраты на внедрение', en: 'Implementation effort' },
  integration: { ru: 'Интеграции с другими системами', en: 'Integrations with other systems' },
  data_security: { ru: 'Безопасность и конфиденциальность данных', en: 'Data security and privacy' },
  migration_risk: { ru: 'Риск при переносе данных', en: 'Migration risk' },
  switching_cost: { ru: 'Цена перехода', en: 'Cost of switching' },
  approval_needed: { ru: 'Нужно согласование', en: 'Needs sign-off' },
  timing: { ru: 'Не вовремя', en: 'Timing' },
  no_need: { ru: 'Нет потребности', en: 'No need' },
  missing_feature: { ru: 'Не хватает функции', en: 'Missing feature' },
  support_quality: { ru: 'Качество поддержки', en: 'Support quality' },
  trust_vendor: { ru: 'Доверие к поставщику', en: 'Trust in the vendor' },
  contract_terms: { ru: 'Условия договора', en: 'Contract terms' },
  learning_curve: { ru: 'Сложно освоить', en: 'Learning curve' },
  performance_reliability: { ru: 'Сбои и надёжность', en: 'Reliability and performance' },
}

const TOPIC_STEMS: Record<Topic, string[]> = {
  price: ['дорог', 'дороже', 'цен', 'стоим', 'стоит', 'тариф', 'тысяч', 'руб', 'процент', 'комисси', 'плат', 'заплат', 'переплач', 'счет', 'бюджет', 'деньг', 'скидк', 'expensive', 'price', 'pricing', 'cost', 'fee', 'pay', 'paid', 'steep', 'budget', 'dollar', 'thousand', 'per month', 'a month', 'per seat', 'per user', 'subscription', 'plan', 'invoice', 'afford', 'cheaper', 'discount', '$', '€', '£'],
  implementation_effort: ['внедр', 'настро', 'настраива', 'запуск', 'силами', 'неделями', 'месяц на', 'implement', 'set up', 'setup', 'setting up', 'rollout', 'roll out', 'onboard', 'configur', 'effort', 'weeks of', 'resources', 'project'],
  integration: ['интеграц', 'синхрон', 'выгруз', 'загруз', 'подключ', 'связк', '1с', 'api', 'апи', 'вебхук', 'sync', 'integrat', 'connect', 'import', 'export', 'plugin', 'plug-in', 'webhook', 'zapier', 'talk to'],
  data_security: ['безопасн', 'персональн', 'конфиденц', 'утечк', 'доступ к', 'медицинские данные', 'пароль', 'логин', 'security', 'secure', 'privacy', 'hipaa', 'baa', 'gdpr', 'soc 2', 'soc2', 'breach', 'login', 'password', 'compliance', 'encrypt', 'sensitive'],
  migration_risk: ['перенос', 'переносить', 'переезд', 'потеря', 'потеряем', 'потеряются', 'слетят', 'сломается', 'migrat', 'move over', 'moving over', 'losing', 'lose', 'lost', 'transfer', 'history', 'import'],
  switching_cost: ['переход', 'переходить', 'перейти', 'перезаключ', 'заново', 'менять', 'поменять', 'switch', 'moving', 'move back', 'start over', 'redo', 're-do', 'replace', 'change provider', 'rip out'],
  approval_needed: ['соглас', 'директор', 'руководств', 'начальн', 'собственник', 'партнер', 'бухгалтер', 'юрист', 'подпис', 'решает', 'без нее', 'без него', 'boss', 'sign off', 'sign-off', 'signs off', 'approv', 'board', 'cfo', 'ceo', 'partner', 'legal', 'procurement', 'my manager', 'decision', 'convince', 'comfortable with'],
  timing: ['сейчас не', 'не сейчас', 'не время', 'до конца года', 'до конца месяца', 'в следующем квартале', 'сезон', 'позже', 'пока не', 'не буду трогать', 'ничего трогать', 'not now', 'next quarter', 'next year', 'busy season', 'timing', 'not the right time', 'after the holidays', 'revisit'],
  no_need: ['не нужно', 'не нужен', 'не нужна', 'справляемся', 'и так', 'хватает', 'обходимся', "don't need", 'do not need', 'not needed', 'fine without', 'works fine', 'good enough', 'spreadsheet', 'excel'],
  missing_feature: ['нет функц', 'не хватает', 'нельзя', 'не умеет', 'не было', 'нету', 'отсутств', 'нет возможност', 'хотелось бы', "didn't have", "doesn't have", "don't have", 'no way to', 'missing', 'lack', 'wish', 'would love', "can't", 'cannot', 'no option', 'not possible', "isn't there", 'no email', 'no warning', 'feature'],
  support_quality: ['поддержк', 'ответили', 'ответа', 'отвечают', 'бот', 'оператор', 'чат', 'обращени', 'тикет', 'support', 'reply', 'replied', 'ticket', 'bot', 'chat', 'response', 'on hold', 'nobody answered', 'agent', 'hopeless', 'escalat'],
  trust_vendor: ['блокиров', 'довер', 'ненадежн', 'отзыв', 'репутац', 'боюсь что вы', 'закроетесь', 'trust', 'reputation', 'startup', 'small company', 'around in', 'vendor', 'burned', 'burnt', 'reviews', 'track record'],
  contract_terms: ['договор', 'мелким шрифтом', 'вернут', 'возврат', 'штраф', 'минимальн', 'срок договора', 'предоплат', 'поменяли', 'условия', 'contract', 'lock-in', 'locked in', 'cancel', 'refund', 'terms', 'commit', 'two years', 'annual', 'notice', 'fine print', 'auto-renew', 'until november', 'upfront'],
  learning_curve: ['сложно', 'сложн', 'непонятн', 'научить', 'обучени', 'разобраться', 'неудобн', 'кнопок', 'привыкнуть', 'learn', 'train', 'retrain', 'complicated', 'confusing', 'clunky', 'hard to use', 'not intuitive', 'figure out', 'too many', "didn't trust"],
  performance_reliability: ['не работает', 'не работал', 'сломал', 'слетел', 'лежал', 'лежит', 'глюк', 'ошибк', 'сбой', 'пропал', 'не пришло', 'не пришел', 'накладк', 'висит', 'зависа', 'тормоз', 'медленн', 'ничего не происходит', 'и ничего', 'дубл', 'buffer', 'crash', 'down', 'outage', 'broke', 'broken', 'disconnect', 'duplicate', 'bug', 'slow', "doesn't work", "didn't work", "wouldn't load", 'stopped', 'stops', 'fail', 'glitch', 'lag', 'double booking', 'error', 'reliab'],
}

// Words that make a statement an objection: trouble, refusal, a reservation, a complaint.
const NEGATIVE = ['не ', 'нет', 'но ', 'однако', 'только', 'ради', 'сверх', 'отдельно', 'никто', 'ничего', 'без ', 'уйти', 'вылезает', 'ни одн', 'дорого', 'проблем', 'плохо', 'ужас', 'жаль', 'к сожалению', 'неудобн', 'ощутимо', 'много', 'слишком', 'опять', 'снова', 'уже второй', 'зачем', 'почему', 'куча', 'возни',
  'not ', "n't", 'no ', 'on hold', 'a lot', 'black box', "what we're paying", 'each.', 'never', 'but ', 'problem', 'issue', 'annoying', 'frustrat', 'hate', 'terrible', 'awful', 'nightmare', 'hopeless', 'steep', 'too ', 'again', 'only', 'kind of a', 'deal-breaker', 'dealbreaker', 'non-starter', 'complain', 'expensive', 'double', 'random', 'spam']
// Fears and obstacles in the way of buying: barriers.
const FEAR = ['боюсь', 'боялась', 'боялся', 'страшно', 'опасаюсь', 'переживаю', 'нервнича', 'риск', 'что если', 'а вдруг', 'вдруг', 'не уверен', 'гарантия', 'без нее', 'без него', 'ничего подписывать', 'точно ничего', 'сойду с ума',
  'afraid', 'worried', 'worry', 'nervous', 'terrified', 'scared', 'fear', 'risk', 'what if', 'concern', 'not sure', 'before we', 'won\'t sign', 'wouldn\'t sign', 'unless', 'until', 'need to get', 'had to get', 'nightmare']
// Jobs and needs: what the customer is trying to get done.
const NEED = ['нужно', 'нужна', 'нужен', 'надо', 'хочу', 'хотим', 'хотелось', 'важно', 'главное', 'чтобы', 'ищем', 'искали', 'нам бы', 'мне бы', 'нельзя, чтобы', 'не могу',
  'need', 'want', 'wanted', 'looking for', 'would love', "i'd love", 'important', 'the point', 'has to', 'have to', 'must', 'the goal', 'so that', 'trying to', 'it\'d be great', 'the main thing']

const stemRegex = (stems: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.map(escape).join('|')})`, 'giu')
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const TOPIC_RE = Object.fromEntries(TOPICS.map((t) => [t, stemRegex(TOPIC_STEMS[t])])) as Record<Topic, RegExp>
const NEGATIVE_RE = new RegExp(NEGATIVE.map(escape).join('|'), 'giu')
const FEAR_RE = stemRegex(FEAR)
const NEED_RE = stemRegex(NEED)

const count = (re: RegExp, s: string) => s.match(re)?.length ?? 0

// Emphasis and amounts make a complaint: "через два дня!", "forty-five dollars each", "third time".
const INTENSITY = /!|\d|(?<!\p{L})(?:два|две|три|пять|десят|двадцат|тысяч|полгода|полдня|дня|дней|минут|час|раз|второй|третий|опять|снова|twice|three|four|five|ten|twenty|thirty|forty|fifty|hundred|thousand|percent|minutes|hours|days|weeks|third|second time|again|every time)/giu

export type Cues = { topics: [Topic, number][]; negative: number; fear: number; need: number; intensity: number }

/** The cues of one sentence: topic hits (best first), and the objection, fear and need signals. */
export function cuesOf(sentence: string): Cues {
  const s = ` ${fold(sentence)} `
  const topics = TOPICS.map((t) => [t, count(TOPIC_RE[t], s)] as [Topic, number]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])
  return { topics, negative: count(NEGATIVE_RE, s), fear: count(FEAR_RE, s), need: count(NEED_RE, s), intensity: Math.min(2, count(INTENSITY, s)) }
}
