// An approved text as a file: Markdown or HTML, the text first and its provenance after it,
// so what is pasted into a CMS carries who approved it, and that AI helped to write it.
import type { ApprovedContent } from '../../contracts/runs'

const LABELS = {
  ru: {
    approved: 'Утверждено',
    ai: {
      openai: 'Черновик написан ИИ',
      offline: 'Черновик написан встроенным генератором',
      human: 'Текст отредактирован автором после черновика ИИ',
    },
    model: 'модель',
    prompt: 'промпт',
    policy: 'политика',
    gates: 'Проверки',
    decision: { pass: 'одобрена', waive: 'снята с обоснованием' },
  },
  en: {
    approved: 'Approved',
    ai: { openai: 'Drafted with AI', offline: 'Drafted by the built-in engine', human: 'Edited by the writer from an AI draft' },
    model: 'model',
    prompt: 'prompt',
    policy: 'policy',
    gates: 'Reviews',
    decision: { pass: 'passed', waive: 'waived with a reason' },
  },
} as const

function provenanceLines(c: ApprovedContent): { head: string; gates: string[] } {
  const t = LABELS[c.lang]
  const p = c.provenance
  const head = `${t.ai[p.engine]} (${t.model} ${p.model}, ${t.prompt} ${p.promptVersion}${p.policyVersion ? `, ${t.policy} ${p.policyVersion}` : ''}). ${t.approved} ${c.approvedAt}.`
  return { head, gates: p.gates.map((g) => `${g.gate}: ${t.decision[g.decision]}, ${g.decidedBy}, ${g.decidedAt}`) }
}

export function approvedMarkdown(c: ApprovedContent): string {
  const { head, gates } = provenanceLines(c)
  // the policy's visible AI label stays with the text it labels, above the record of its approval
  const label = `${c.label ? `*${c.label}*\n\n` : ''}${c.erid ? `erid: ${c.erid}\n\n` : ''}`
  return `# ${c.title}\n\n${c.text}\n\n${label}---\n\n${head}\n\n${LABELS[c.lang].gates}:\n${gates.map((g) => `- ${g}`).join('\n')}\n`
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

export function approvedHtml(c: ApprovedContent): string {
  const { head, gates } = provenanceLines(c)
  const paragraphs = c.text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
  return [
    '<!doctype html>',
    `<html lang="${c.lang}"><head><meta charset="utf-8"><title>${escapeHtml(c.title)}</title></head><body>`,
    `<article data-run-id="${escapeHtml(c.runId)}">`,
    `<h1>${escapeHtml(c.title)}</h1>`,
    paragraphs,
    ...(c.label ? [`<p class="ai-label">${escapeHtml(c.label)}</p>`] : []),
    ...(c.erid ? [`<p class="erid">erid: ${escapeHtml(c.erid)}</p>`] : []),
    `<footer><p>${escapeHtml(head)}</p><p>${escapeHtml(LABELS[c.lang].gates)}:</p><ul>${gates.map((g) => `<li>${escapeHtml(g)}</li>`).join('')}</ul></footer>`,
    '</article></body></html>',
    '',
  ].join('\n')
}
