// A transcript as turns and sentences with offsets into the text, and who is speaking: the
// interviewer (moderator, manager, support agent) or the customer. Labels are read as written
// ("Интервьюер:", "Q:", "Sarah:"); names are told apart by who asks the questions.

export type Role = 'interviewer' | 'customer'
export type Turn = { index: number; speaker: string; role: Role; start: number; end: number }
export type Sentence = { turn: Turn; start: number; end: number; text: string }
export type Transcript = { text: string; turns: Turn[]; speakers: { label: string; role: Role }[] }

// "Клиент: …", "Sarah: …", "Q: …", "[PERSON_1]: …": a short label at the start of a line
const TURN = /^[ \t]*([^\n:?!.]{1,40}?|\[[A-Z_]+_\d+\])[ \t]*:[ \t]*(?=\S)/gmu
const INTERVIEWER =
  /^(?:интервьюер|модератор|исследователь|менеджер|оператор|консультант|поддержка|вопрос|q|interviewer|moderator|researcher|host|agent|rep|sales|support|question)$/iu
const CUSTOMER =
  /^(?:клиент|клиентка|респондент|респондентка|участник|участница|пользователь|покупатель|ответ|a|customer|client|participant|respondent|user|caller|buyer|answer)$/iu

export function parseTranscript(text: string): Transcript {
  const heads = [...text.matchAll(TURN)].filter((m) => m[1]!.trim().split(/\s+/).length <= 4)
  const raw = heads.map((m, k) => ({
    speaker: m[1]!.trim(),
    start: m.index + m[0].length,
    end: trimEnd(text, k + 1 < heads.length ? heads[k + 1]!.index : text.length),
  }))
  const roles = assignRoles(text, raw)
  const turns = raw.map((t, index) => ({ index, ...t, role: roles.get(t.speaker)! }))
  return { text, turns, speakers: [...roles].map(([label, role]) => ({ label, role })) }
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--
  return end
}

/** By label where it says; otherwise the speaker asking the most questions is the interviewer. */
function assignRoles(text: string, turns: { speaker: string; start: number; end: number }[]): Map<string, Role> {
  const stats = new Map<string, { turns: number; questions: number; first: number }>()
  turns.forEach((t, i) => {
    const s = stats.get(t.speaker) ?? { turns: 0, questions: 0, first: i }
    s.turns++
    if (text.slice(t.start, t.end).includes('?')) s.questions++
    stats.set(t.speaker, s)
  })
  const roles = new Map<string, Role>()
  for (const label of stats.keys()) {
    // "Оператор [PERSON_1]", "Client Rahul": a role before the name (or its placeholder) says it
    const head = label.split(/\s+/)[0]!
    if (INTERVIEWER.test(label) || (head !== label && INTERVIEWER.test(head))) roles.set(label, 'interviewer')
    else if (CUSTOMER.test(label) || (head !== label && CUSTOMER.test(head))) roles.set(label, 'customer')
  }
  const unknown = [...stats.keys()].filter((l) => !roles.has(l))
  if (unknown.length > 0) {
    const hasInterviewer = [...roles.values()].includes('interviewer')
    const asker = [...unknown].sort((a, b) => ratio(stats.get(b)!) - ratio(stats.get(a)!) || stats.get(a)!.first - stats.get(b)!.first)[0]!
    for (const label of unknown) roles.set(label, !hasInterviewer && label === asker ? 'interviewer' : 'customer')
  }
  return roles
}

const ratio = (s: { turns: number; questions: number }) => s.questions / s.turns

// A sentence ends at . ! ? … (not inside "т.е.", "e.g." or a decimal) followed by a space or the end.
const SENTENCE_END = /[.!?…]+["»”)]*(?=\s|$)/gu
const ABBREVIATION = /(?:\b(?:т|е|д|г|ул|им|см|стр|тыс|руб|млн|e\.g|i\.e|etc|vs|mr|mrs|ms|dr|st|no)|\b\p{Lu})$/iu

/** The sentences of one turn, with offsets into the transcript. */
export function sentencesOf(text: string, turn: Turn): Sentence[] {
  const out: Sentence[] = []
  const body = text.slice(turn.start, turn.end)
  let from = 0
  const push = (to: number) => {
    let s = from
    while (s < to && /\s/.test(body[s]!)) s++
    let e = to
    while (e > s && /\s/.test(body[e - 1]!)) e--
    if (e > s) out.push({ turn, start: turn.start + s, end: turn.start + e, text: body.slice(s, e) })
  }
  for (const m of body.matchAll(SENTENCE_END)) {
    if (m[0] === '.' && ABBREVIATION.test(body.slice(Math.max(0, m.index - 5), m.index))) continue
    push(m.index + m[0].length)
    from = m.index + m[0].length
  }
  push(body.length)
  return out
}
