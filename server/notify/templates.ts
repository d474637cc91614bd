// The messages of the review events, in the recipient's language (Russian or English): a subject
// that says what to do and for which brief, a line of context, the link to the run, and the
// one-click unsubscribe. Plain text and HTML say the same; the HTML is escaped.
import type { ReviewEvent } from './emit'

type Lang = 'ru' | 'en'
type Vars = { title: string; gate: string; kind: string; due: string; by: string; comment: string; quote: string; role: string }

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

const fill = (template: string, v: Vars) => template.replace(/\{(\w+)\}/g, (_, k: keyof Vars) => v[k] ?? '')
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
/** "2026-12-08 14:00 UTC": one zone for everyone, said as such. */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`

export type Message = { subject: string; text: string; html: string }

export function render(event: ReviewEvent, lang: Lang, links: { run: string; unsubscribe: string }): Message {
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
  }
  const t = TEXTS[lang][event.type]
  const subject = fill(t.subject, v).replace(/\s+/g, ' ').slice(0, 200)
  const body = fill(t.body, v)
  const text = `${body}\n\n${foot.open}: ${links.run}\n\n--\n${foot.why}\n${foot.unsubscribe}: ${links.unsubscribe}\n`
  const html = [
    `<p>${escapeHtml(body).replace(/\n/g, '<br>')}</p>`,
    `<p><a href="${escapeHtml(links.run)}">${foot.open}</a></p>`,
    `<hr><p style="color:#666;font-size:12px">${foot.why}<br><a href="${escapeHtml(links.unsubscribe)}">${foot.unsubscribe}</a></p>`,
  ].join('\n')
  return { subject, text, html }
}
