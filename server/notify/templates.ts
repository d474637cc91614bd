// The messages of the review events, in the recipient's language (Russian or English): a subject
// that says what to do and for which brief, a line of context, the link to the run, and the
// one-click unsubscribe. Plain text and HTML say the same; the HTML is escaped.
import type { ReviewEvent } from './emit'
import { usd } from '../usage/budget'
import { fillTemplate } from '../../contracts/fill'

type Lang = 'ru' | 'en'
type Vars = {
  title: string
  gate: string
  kind: string
  due: string
  by: string
  comment: string
  quote: string
  role: string
  budget: string
  spent: string
  limit: string
  month: string
}

const GATES: Record<Lang, Record<string, string>> = {
  ru: {
    fact_check: 'фактчекинг',
    legal_review: 'юридическая проверка',
    no_personal_data: 'проверка персональных данных',
    brand_review: 'проверка бренда',
    release: 'выпуск',
  },
  en: {
    fact_check: 'fact check',
    legal_review: 'legal review',
    no_personal_data: 'personal data check',
    brand_review: 'brand review',
    release: 'release',
  },
}
const ROLES: Record<Lang, Record<string, string>> = {
  ru: { writer: 'автор', factcheck: 'фактчекер', legal: 'юрист', editor: 'редактор', cmo: 'CMO', admin: 'администратор' },
  en: { writer: 'writer', factcheck: 'fact-checker', legal: 'legal', editor: 'editor', cmo: 'CMO', admin: 'admin' },
}
const KINDS: Record<Lang, Record<string, string>> = {
  ru: { offer: 'оффер', headlines: 'заголовки', interview_summary: 'саммари интервью', seo_clusters: 'SEO-кластеры' },
  en: { offer: 'offer', headlines: 'headlines', interview_summary: 'interview summary', seo_clusters: 'SEO clusters' },
}

const TEXTS: Record<Lang, Record<ReviewEvent['type'], { subject: string; body: string }>> = {
  ru: {
    'gate.opened': {
      subject: 'Ждёт вашей проверки: «{title}» ({gate})',
      body: 'Открыта проверка «{gate}» для брифа «{title}» ({kind}). Срок: {due}.',
    },
    'gate.assigned': {
      subject: 'Вам передали проверку: «{title}» ({gate})',
      body: '{by} передал(а) вам проверку «{gate}» брифа «{title}» ({kind}). Срок: {due}.',
    },
    'changes.requested': { subject: 'Нужны правки: «{title}»', body: '{by} запросил(а) правки на этапе «{gate}»:\n{comment}' },
    'run.approved': { subject: 'Утверждено: «{title}»', body: 'Текст по брифу «{title}» ({kind}) прошёл все проверки и утверждён.' },
    'run.rejected': { subject: 'Отклонено: «{title}»', body: '{by} отклонил(а) текст на этапе «{gate}»:\n{comment}' },
    'comment.mention': { subject: 'Вас упомянули: «{title}»', body: '{by} упомянул(а) вас в обсуждении слов «{quote}»:\n{comment}' },
    'gate.overdue': {
      subject: 'Просрочена проверка: «{title}» ({gate})',
      body: 'Срок проверки «{gate}» брифа «{title}» ({kind}) истёк {due}.',
    },
    'gate.escalated': {
      subject: 'Передано вам по эскалации: «{title}» ({gate})',
      body: 'Проверка «{gate}» брифа «{title}» ({kind}) просрочена (срок {due}) и по политике передана роли «{role}».',
    },
    'budget.warning': {
      subject: 'Бюджет на ИИ почти израсходован: {budget}',
      body: 'За {month} израсходовано {spent} из {limit} ({budget}), последним — на бриф «{title}». Когда бюджет закончится, модель не будет вызываться до конца месяца: черновики напишет офлайн-движок.',
    },
    'budget.spent': {
      subject: 'Бюджет на ИИ израсходован: {budget}',
      body: 'За {month} израсходовано {spent} из {limit} ({budget}), последним — на бриф «{title}». До конца месяца модель не вызывается: черновики пишет офлайн-движок.',
    },
  },
  en: {
    'gate.opened': {
      subject: 'Waiting for your review: “{title}” ({gate})',
      body: 'The {gate} of the brief “{title}” ({kind}) is open. Due: {due}.',
    },
    'gate.assigned': {
      subject: 'A review was handed to you: “{title}” ({gate})',
      body: '{by} handed you the {gate} of the brief “{title}” ({kind}). Due: {due}.',
    },
    'changes.requested': { subject: 'Changes requested: “{title}”', body: '{by} asked for changes at the {gate}:\n{comment}' },
    'run.approved': {
      subject: 'Approved: “{title}”',
      body: 'The copy for the brief “{title}” ({kind}) passed every gate and is approved.',
    },
    'run.rejected': { subject: 'Rejected: “{title}”', body: '{by} rejected the copy at the {gate}:\n{comment}' },
    'comment.mention': { subject: 'You were mentioned: “{title}”', body: '{by} mentioned you on the words “{quote}”:\n{comment}' },
    'gate.overdue': { subject: 'Overdue review: “{title}” ({gate})', body: 'The {gate} of the brief “{title}” ({kind}) was due {due}.' },
    'gate.escalated': {
      subject: 'Escalated to you: “{title}” ({gate})',
      body: 'The {gate} of the brief “{title}” ({kind}) is overdue (due {due}) and the policy escalates it to the {role} role.',
    },
    'budget.warning': {
      subject: 'AI budget nearly spent: {budget}',
      body: '{spent} of {limit} spent in {month} ({budget}), the latest on the brief “{title}”. Once it is spent, no model is called until the month ends: the offline engine drafts.',
    },
    'budget.spent': {
      subject: 'AI budget spent: {budget}',
      body: '{spent} of {limit} spent in {month} ({budget}), the latest on the brief “{title}”. No model is called until the month ends: the offline engine drafts.',
    },
  },
}
const FOOT: Record<Lang, { open: string; why: string; unsubscribe: string; noDue: string; someone: string }> = {
  ru: {
    open: 'Открыть',
    why: 'Письмо о вашей работе в Copydesk. Настроить уведомления можно в профиле.',
    unsubscribe: 'Отписаться от писем',
    noDue: 'без срока',
    someone: 'Проверяющий',
  },
  en: {
    open: 'Open',
    why: 'A message about your work in Copydesk. Notifications are set in your profile.',
    unsubscribe: 'Unsubscribe from these e-mails',
    noDue: 'no due date',
    someone: 'A reviewer',
  },
}

/** A budget in words: whose it is, its spend and limit in dollars, its month. */
function budgetVars(b: ReviewEvent['budget'], lang: Lang): Pick<Vars, 'budget' | 'spent' | 'limit' | 'month'> {
  if (!b) return { budget: '', spent: '', limit: '', month: '' }
  const whose =
    lang === 'ru'
      ? b.scope === 'user'
        ? `личный бюджет ${b.name}`
        : `бюджет команды ${b.name}`
      : b.scope === 'user'
        ? `the personal budget of ${b.name}`
        : `the budget of team ${b.name}`
  return { budget: whose, spent: usd(b.spentUsd), limit: usd(b.limitUsd), month: b.month }
}

const fill = (template: string, v: Vars) => fillTemplate(template, v)
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
/** "2026-12-08 14:00 UTC": one zone for everyone, said as such. */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`

/** `chat`: the message as a Telegram chat shows it (plain text, no unsubscribe footer: the bot is set in the profile). */
export type Message = { subject: string; text: string; html: string; chat: string }

/** The subject and the line of context of one event. */
function words(event: ReviewEvent, lang: Lang): { subject: string; body: string } {
  const foot = FOOT[lang]
  const v: Vars = {
    title: event.briefTitle,
    gate: event.gate ? (GATES[lang][event.gate] ?? event.gate) : '',
    kind: KINDS[lang][event.kind] ?? event.kind,
    due: event.dueAt ? utc(event.dueAt) : foot.noDue,
    by: event.by ?? foot.someone,
    comment: event.comment ?? '',
    role: event.role ? (ROLES[lang][event.role] ?? event.role) : '',
    quote: (event.quote ?? '').length > 120 ? `${event.quote!.slice(0, 119)}…` : (event.quote ?? ''),
    ...budgetVars(event.budget, lang),
  }
  const t = TEXTS[lang][event.type]
  return { subject: fill(t.subject, v).replace(/\s+/g, ' ').slice(0, 200), body: fill(t.body, v) }
}

const footText = (lang: Lang, unsubscribe: string) => `--\n${FOOT[lang].why}\n${FOOT[lang].unsubscribe}: ${unsubscribe}\n`
const footHtml = (lang: Lang, unsubscribe: string) =>
  `<hr><p style="color:#666;font-size:12px">${FOOT[lang].why}<br><a href="${escapeHtml(unsubscribe)}">${FOOT[lang].unsubscribe}</a></p>`

export function render(event: ReviewEvent, lang: Lang, links: { run: string; unsubscribe: string }): Message {
  const { subject, body } = words(event, lang)
  const open = FOOT[lang].open
  const text = `${body}\n\n${open}: ${links.run}\n\n${footText(lang, links.unsubscribe)}`
  const html = [
    `<p>${escapeHtml(body).replace(/\n/g, '<br>')}</p>`,
    `<p><a href="${escapeHtml(links.run)}">${open}</a></p>`,
    footHtml(lang, links.unsubscribe),
  ].join('\n')
  return { subject, text, html, chat: clip(`${subject}\n\n${body}\n\n${links.run}`) }
}

/** "5 событий", "1 update": the count of a digest in words. */
function updates(n: number, lang: Lang): string {
  if (lang === 'en') return `${n} update${n === 1 ? '' : 's'}`
  const d10 = n % 10
  const d100 = n % 100
  const word = d10 === 1 && d100 !== 11 ? 'событие' : d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14) ? 'события' : 'событий'
  return `${n} ${word}`
}

const DIGEST: Record<Lang, { subject: string; intro: string }> = {
  ru: { subject: 'Copydesk: сводка за день — {n}', intro: 'Что произошло с вашей работой с прошлой сводки:' },
  en: { subject: 'Copydesk daily digest: {n}', intro: 'What happened to your work since the last digest:' },
}

/** Telegram takes 4,096 characters a message: a longer one is cut, and says so. */
const clip = (s: string, max = 4000) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

/** One message for a day's events, oldest first: each its subject and link. */
export function renderDigest(
  events: readonly ReviewEvent[],
  lang: Lang,
  links: { runOf: (runId: string) => string; unsubscribe: string },
): Message {
  const subject = DIGEST[lang].subject.replace('{n}', updates(events.length, lang))
  const items = events.map((e) => ({ subject: words(e, lang).subject, link: links.runOf(e.runId) }))
  const lines = items.map((i) => `• ${i.subject}\n  ${i.link}`)
  const text = `${DIGEST[lang].intro}\n\n${lines.join('\n')}\n\n${footText(lang, links.unsubscribe)}`
  const html = [
    `<p>${escapeHtml(DIGEST[lang].intro)}</p>`,
    `<ul>${items.map((i) => `<li><a href="${escapeHtml(i.link)}">${escapeHtml(i.subject)}</a></li>`).join('')}</ul>`,
    footHtml(lang, links.unsubscribe),
  ].join('\n')
  return { subject, text, html, chat: clip(`${subject}\n\n${lines.join('\n')}`) }
}
