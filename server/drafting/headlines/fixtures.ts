// Realistic headline briefs for the engine's quality tests: RU and EN, B2B and B2C, with and
// without key phrases and numbers.
import type { DraftingBriefOf } from '../types'

const base = {
  kind: 'headlines' as const,
  format: 'headlines',
  deadline: '2026-12-01',
  qualityCriteria: 'Без обещаний, которые нельзя доказать',
  successMetrics: 'CTR',
}

export const BRIEFS: Record<string, DraftingBriefOf<'headlines'>> = {
  ruDental: {
    ...base,
    title: 'Стоматологии: заголовки',
    channel: 'search_ad',
    lang: 'ru',
    audience: 'Владельцы частных стоматологий, 3-10 кресел',
    task: 'Сократить неявки пациентов',
    offer: 'CRM с автонапоминаниями по SMS и WhatsApp: пациенты подтверждают визит в один клик',
    inputs: { count: 10, keyPhrases: ['напоминания пациентам о записи', 'CRM для стоматологии'] },
  },
  ruRunning: {
    ...base,
    title: 'Бег с нуля',
    channel: 'social_ad',
    lang: 'ru',
    audience: 'Женщины 25-40, которые давно хотят начать бегать',
    task: 'Начать бегать без травм',
    offer: 'Онлайн-курс «Бег с нуля»: первые 5 км за 8 недель с личным тренером',
    inputs: { count: 10 },
  },
  ruSellers: {
    ...base,
    title: 'Аналитика для селлеров',
    channel: 'landing',
    lang: 'ru',
    audience: 'Селлеры Wildberries и Ozon с оборотом от 1 млн рублей в месяц',
    task: 'Перестать терять деньги на возвратах и штрафах',
    offer: 'Сервис аналитики продаж для маркетплейсов — отчёт о прибыли каждое утро в Telegram',
    inputs: { count: 10, keyPhrases: ['аналитика для селлеров', 'юнит-экономика wildberries'] },
  },
  enLogistics: {
    ...base,
    title: 'Route planning',
    channel: 'search_ad',
    lang: 'en',
    qualityCriteria: 'No unproven claims',
    audience: 'Operations managers at mid-size logistics companies',
    task: 'Cut fuel costs on daily delivery routes',
    offer: 'Route planning software that re-plans routes in real time; customers cut fuel costs by 12% in 3 months',
    inputs: { count: 10, keyPhrases: ['route optimization software', 'delivery route planner'] },
  },
  enMealKits: {
    ...base,
    title: 'Dinner kits',
    channel: 'social_ad',
    lang: 'en',
    qualityCriteria: 'Warm, no hype',
    audience: 'Busy parents with young kids',
    task: 'Get a healthy dinner on the table on weeknights',
    offer: 'Healthy dinner kits delivered weekly, ready in 20 minutes',
    inputs: { count: 10 },
  },
  enAccounting: {
    ...base,
    title: 'Client portal',
    channel: 'email',
    lang: 'en',
    qualityCriteria: 'Plain, specific',
    audience: 'Owners of small accounting firms',
    task: 'Stop chasing clients for documents',
    offer: 'A client portal that collects documents and e-signatures automatically',
    inputs: { count: 10, keyPhrases: ['client portal for accountants', 'document collection software'] },
  },
}

/** Channel limits (characters) as the default policy's `headlines.max_length` sets them. */
export const LIMITS = { search_ad: 56, social_ad: 40, email: 60, landing: 70 } as const
