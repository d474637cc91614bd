// Personal names in Russian and English text. Each capitalised word gets roles (given name,
// patronymic, surname by suffix or dictionary, initial, other capitalised word); a run of adjacent
// words is a name when its roles fit a name pattern ("Ивановой Марии Петровне", "Иванов И.И.",
// "Dr. Emily Chen" -> "Emily Chen"). Dictionaries live in names/; brands that look like people
// ("Calvin Klein", "Тинькофф") are never names.
import { AFTER_OTHER_LETTER, capitalValues, capitals } from './capitals'
import { RU_PATRONYMIC, RU_SURNAME_SUFFIX, fold, givenNameForms, readList, surnameForms } from './name-forms'
import type { PiiDetector, PiiFinding } from './types'

// Roles as bits: F given name, D diminutive, P patronymic, S surname, C other capitalised word,
// I initial, A English given name that is also a common word (Will, May), B a Latin capital
// letter standing alone (a middle initial written without its dot: "Ruth R Montez")
export const F = 1,
  D = 2,
  P = 4,
  S = 8,
  C = 16,
  I = 32,
  A = 64,
  B = 128
// G: a capitalised Cyrillic word that is not an adjective form (it may be a given name no list holds)
const G = 256
const ADJ_OR_VERB = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ом|ем|ть|ти|ла|ло|ли|л|ет|ит|ют|ут|ат|ят|ешь|ишь|ся|сь|те)$/

type Dicts = {
  ruGiven: Set<string>
  ruDim: Set<string>
  ruSurname: Set<string>
  enGiven: Set<string>
  enAmbiguous: Set<string>
  enSurname: Set<string>
  /** Each word of a brand -> the brands holding it, to check only near a candidate name. */
  brands: Map<string, string[]>
}

let dicts: Dicts | undefined
function load(): Dicts {
  if (dicts) return dicts
  const forms = (names: string[], sex: 'm' | 'f' | 'any') => names.flatMap((n) => givenNameForms(n, sex))
  dicts = {
    ruGiven: new Set([...forms(readList('ru-first-male.txt'), 'm'), ...forms(readList('ru-first-female.txt'), 'f')]),
    ruDim: new Set(forms(readList('ru-first-diminutive.txt'), 'any')),
    ruSurname: new Set(readList('ru-surnames.txt').flatMap(surnameForms)),
    enGiven: new Set(readList('en-first.txt')),
    enAmbiguous: new Set([...readList('en-first-ambiguous.txt'), ...PLACE_LIKE_GIVEN]),
    enSurname: new Set(readList('en-surnames.txt')),
    brands: new Map(),
  }
  for (const b of [...readList('brands.txt'), 'Mr. Clean', 'Мистер Пропер', 'Дядя Ваня', "Ben's Original"]) {
    for (const w of b.match(/\p{L}+/gu) ?? []) dicts.brands.set(w, [...(dicts.brands.get(w) ?? []), b])
  }
  for (const p of PLACE_LIKE_GIVEN) dicts.enGiven.delete(p)
  return dicts
}

/** Given names that are also places or streets: a name only with a known surname after them. */
const PLACE_LIKE_GIVEN = [
  'Paris',
  'Sydney',
  'Victoria',
  'Florence',
  'Austin',
  'Dallas',
  'Phoenix',
  'Georgia',
  'Virginia',
  'Carolina',
  'Jordan',
  'Chelsea',
  'Lincoln',
  'Madison',
  'Washington',
  'Houston',
  'Jackson',
  'Brooklyn',
  'Adelaide',
  'Regina',
  'Kent',
  'Camden',
  'Orlando',
  'Savannah',
  'Denver',
  'Aurora',
  'Eden',
  'Carmel',
]

/** Capitalised words that start sentences or name things, never a person's surname or name. */
export const NOT_A_NAME = new Set([
  'The',
  'This',
  'That',
  'These',
  'Those',
  'We',
  'Our',
  'You',
  'Your',
  'It',
  'Its',
  'He',
  'She',
  'They',
  'Hi',
  'Hello',
  'Dear',
  'Thanks',
  'Thank',
  'Please',
  'Call',
  'Book',
  'Buy',
  'Get',
  'Try',
  'Join',
  'Meet',
  'Team',
  'Support',
  'Sales',
  'Office',
  'Street',
  'Road',
  'Avenue',
  'Lane',
  'Square',
  'Park',
  'Station',
  'Hotel',
  'Cafe',
  'Club',
  'Center',
  'Centre',
  'Store',
  'Shop',
  'Studio',
  'Group',
  'Bank',
  'Sale',
  'Day',
  'Week',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Inc',
  'Ltd',
  'LLC',
  'Co',
  'Customer',
  'Client',
  'Agent',
  'Manager',
  'Interviewer',
  'Participant',
  'Re',
  'Subject',
  'From',
  'To',
  'Cc',
  'And',
  'Or',
  'But',
  'If',
  'When',
  'In',
  'On',
  'At',
  'For',
  'With',
  'By',
  'Of',
  'As',
  'Мы',
  'Я',
  'Вы',
  'Он',
  'Она',
  'Они',
  'Это',
  'Эта',
  'Этот',
  'Наш',
  'Наша',
  'Ваш',
  'Ваша',
  'Привет',
  'Здравствуйте',
  'Спасибо',
  'Добрый',
  'Уважаемый',
  'Уважаемая',
  'Клиент',
  'Клиентка',
  'Интервьюер',
  'Респондент',
  'Менеджер',
  'Оператор',
  'Поддержка',
  'Звоните',
  'Пишите',
  'Купите',
  'Закажите',
  'Скидка',
  'Акция',
  'Москва',
  'Москве',
  'Россия',
  'России',
  'Санкт',
  'Петербург',
  'Петербурге',
  'Город',
  'Улица',
  'В',
  'На',
  'С',
  'По',
  'Для',
  'И',
  'Но',
  'А',
  'Или',
  'Если',
  'Когда',
  'Как',
  'Что',
  'Где',
  'Тема',
  'От',
  'Кому',
  'Копия',
  'ООО',
  'ИП',
  'АО',
  'ПАО',
])

/** Abbreviations of places that look like two initials. */
const PLACE_INITIALS = new Set(['U.S.', 'U.K.', 'U.N.', 'E.U.', 'D.C.', 'L.A.', 'N.Y.', 'U.A.', 'S.F.'])

const TITLE = /^(?:г-н|г-жа|господин|господину|господина|госпожа|госпоже|госпожи|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Mister)$/

// Patterns over roles, slot by slot (a slot accepts any of its bits); the longest that fits a
// run of adjacent words wins.
const RU_PATTERNS: number[][] = [
  [S, F, P],
  [F, P, S],
  [C, F, P],
  [F, P, C],
  [S, C, P],
  [F | D, S],
  [S, F],
  [F, P],
  [F, C],
  [S | C, I, I],
  [S, I],
  [I, I, S | C],
  [I, S],
  [F | D, I],
  // a given name no dictionary holds, beside a surname: "Баир Доржиев", "Квирикашвили Тамар"
  [G, S],
  [S, G],
]
const EN_PATTERNS: number[][] = [
  [F, F, S],
  [F, I | B, S | C],
  [F, S | C],
  [S, F],
  [A, I, S],
  [A, S],
  [S | C, I, I],
  [I, I, S | C],
  [I, S | C],
  // a Russian or Central Asian name in Latin letters, with its patronymic: "Bekbolat Musliyevich"
  [S | C, F | C, P],
  [F | C, P, S | C],
  [F | C, P],
]
// Latin-spelt patronymics: Petrovich, Sergeyevna, Ilyinichna
const LATIN_PATRONYMIC = /\p{Ll}{2}(?:ovich|evich|yevich|ovna|evna|yevna|ichna|inichna)$/u

// Where any two capitalised words are a name: a letter's sign-off, or the answer to "your name?"
const SIGN_OFF = /(?:regards|sincerely|best wishes|best|thanks|cheers|с уважением|спасибо|всего доброго)[,!.]?[ \t]*\n$/iu
const NAME_ASKED = /(?:name|имя|фио|зовут|ф\.и\.о\.)[^\n]{0,40}\?[ \t]*\n?[^\n:?]{0,30}:[ \t]*$/iu
// …or straight after the question on the same line: "What's your name? Sölvi Salómonsson"
const NAME_ASKED_INLINE = /(?:name|имя|фио|зовут)[^\n?]{0,30}\?[ \t]*$/iu
// A form or CRM field holding a name: "Name: Toshimi Arata", "ФИО: Ахмедова Зульфия Рашидовна"
const NAME_FIELD =
  /(?:^|[\s(,;|>])(?:(?:full |first and last |customer |client |contact |account holder |card ?holder )?name|contact person|имя|фио|ф\.и\.о\.|имя и фамилия|фамилия,? имя(?:,? отчество)?|контактное лицо)[ \t]*:[ \t]*$/iu
const SELF_INTRO = /(?:меня зовут|my name is|this is|i am|i'm|я —|я -)[ \t]+$/iu
const INTRO_LAST_WORD = /^(?:зовут|is|am|i'm|—|-)$/i

/** A cue right before `at` (each test only where the character before allows it: most runs have none). */
function nameCued(text: string, at: number): boolean {
  let k = at - 1
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--
  const c = text[k]
  // the cue tests run on the 80 characters before, sliced only past these cheap checks
  if (text[at - 1] === '\n') return SIGN_OFF.test(textBefore(text, at))
  if (c === ':') return NAME_FIELD.test(textBefore(text, at)) || NAME_ASKED.test(textBefore(text, at))
  if (c === '?') return NAME_ASKED_INLINE.test(textBefore(text, at))
  if (k === at - 1) return false
  let w = k
  while (w > 0 && !/[\s]/.test(text[w - 1]!)) w--
  return INTRO_LAST_WORD.test(text.slice(w, k + 1)) && SELF_INTRO.test(textBefore(text, at))
}
const textBefore = (text: string, at: number) => text.slice(Math.max(0, at - 80), at)
const CUED: number[][] = [
  [C, C, C],
  [C, C],
]

/** A capitalised word; its roles are worked out only when it stands next to another one. */
class Token {
  private cached = -1
  readonly cyr: boolean
  readonly initial: boolean
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    following: string | undefined,
    private readonly book: RoleBook,
  ) {
    this.cyr = /[а-яё]/i.test(text)
    this.initial = text.length === 1 && following === '.'
  }

  get roles(): number {
    if (this.cached < 0) this.cached = this.book.of(this.text, this.initial, this.cyr)
    return this.cached
  }
}

// Roles of each distinct word, worked out once per process (bounded): names, brands and sentence
// starters repeat within a document and across documents.
const ROLES_MAX = 200_000
const roleMemo = new Map<string, number>()
class RoleBook {
  constructor(private readonly d: Dicts) {}
  of(value: string, initial: boolean, cyr: boolean): number {
    if (initial) return rolesOf(value, true, cyr, this.d)
    let roles = roleMemo.get(value)
    if (roles === undefined) {
      if (roleMemo.size >= ROLES_MAX) roleMemo.clear()
      roleMemo.set(value, (roles = rolesOf(value, false, cyr, this.d)))
    }
    return roles
  }
}

function rolesOf(value: string, initial: boolean, cyr: boolean, d: Dicts): number {
  if (initial) return /^\p{Lu}$/u.test(value) ? I : C
  // "I" and "A" alone are the pronoun and the article far more often than a middle initial
  if (value.length === 1) return /^[B-HJ-Z]$/.test(value) ? B : 0
  if (!/^\p{Lu}/u.test(value) || value.length < 2 || !/\p{Ll}/u.test(value) || NOT_A_NAME.has(value)) return 0
  let roles = C
  const hyphen = value.includes('-')
  if (cyr) {
    const f = fold(value)
    const first = hyphen ? f.slice(0, f.indexOf('-')) : f
    if (hyphen ? f.split('-').every((x) => d.ruGiven.has(x)) : d.ruGiven.has(f)) roles |= F
    if (d.ruDim.has(f)) roles |= D
    if (value.length >= 6 && RU_PATRONYMIC.test(f)) roles |= P
    if ((value.length >= 4 && RU_SURNAME_SUFFIX.test(first)) || d.ruSurname.has(f)) roles |= S
    // not an adjective or a verb form (a sentence may start "Звонила Кузнецова…", "Передать Ивановой…")
    if ((roles & S) === 0 && value.length >= 3 && !ADJ_OR_VERB.test(f)) roles |= G
  } else {
    // "Jean-Luc" and "Min-jun" are in the list whole; "Mary-Kate" is two given names
    if (d.enGiven.has(value) || (hyphen && value.split('-').every((x) => d.enGiven.has(x)))) roles |= F
    else if (d.enAmbiguous.has(value)) roles |= A
    if (d.enSurname.has(value)) roles |= S
    if (value.length >= 7 && LATIN_PATRONYMIC.test(value)) roles |= P
  }
  return roles
}

/** The roles of one capitalised word (given name, surname …), for the single-name layer (name-context.ts). */
export function wordRoles(value: string): number {
  return new RoleBook(load()).of(value, false, /[а-яё]/i.test(value))
}

/** The words of a brand that looks like a person ("Calvin Klein", «Дядя Ваня»). */
export const isBrandWord = (word: string) => load().brands.has(word)

/**
 * The capitalised words (and titles) that stand close enough to another one to be part of a name:
 * every name pattern needs two words, so a lone capitalised word never is one. The words come from
 * the one shared pass (capitals.ts); a word right after a letter the pass does not know (Greek,
 * Ukrainian і) is inside a foreign word, not a name.
 */
function tokenize(text: string, d: Dicts): Token[] {
  const { starts, ends, flags } = capitals(text)
  const values = capitalValues(text)
  const out: Token[] = []
  const book = new RoleBook(d)
  let lastEnd = -Infinity
  for (let k = 0; k < starts.length; k++) {
    if ((flags[k]! & AFTER_OTHER_LETTER) !== 0) continue
    const start = starts[k]!
    let next = k + 1
    while (next < starts.length && (flags[next]! & AFTER_OTHER_LETTER) !== 0) next++
    const near = start - lastEnd <= MAX_GAP || (next < starts.length && starts[next]! - ends[k]! <= MAX_GAP)
    lastEnd = ends[k]!
    if (!near) continue
    const value = values[k]! // English possessive off: "Lena Kovač's" -> "Lena Kovač"
    out.push(new Token(value, start, start + value.length, text[start + value.length], book))
  }
  return out
}

/** The widest gap between two words of a name: " van der ", ". ". */
const MAX_GAP = 12
const PARTICLES = '(?:van|der|den|de|da|di|del|della|von|du|la|le|bin|ibn|al|ter)'
const PARTICLE_GAP = new RegExp(`^[ \\t\\u00a0](?:${PARTICLES}[ \\t\\u00a0]){1,2}$`)

/** Words a and b belong to one name: only spaces between (an initial's or a title's dot; "van der"). */
function adjacent(text: string, a: Token, b: Token): boolean {
  if (b.start - a.end > MAX_GAP) return false
  const gap = text.slice(a.end, b.start)
  if (a.initial) return /^\.[ \t\u00a0]{0,2}$/.test(gap)
  if (TITLE.test(a.text)) return /^\.?[ \t\u00a0]{1,2}$/.test(gap)
  return /^[ \t\u00a0]{1,2}$/.test(gap) || (!a.cyr && (a.roles & F) !== 0 && PARTICLE_GAP.test(gap))
}

/** The candidate name lies inside a brand written around it: "Calvin Klein", "Mr. Clean". */
function inBrand(text: string, d: Dicts, tokens: Token[], span: { start: number; end: number }): boolean {
  const window = text.slice(Math.max(0, span.start - 40), span.end + 40)
  const offset = Math.max(0, span.start - 40)
  for (const t of tokens) {
    for (const b of d.brands.get(t.text) ?? []) {
      for (let at = window.indexOf(b); at >= 0; at = window.indexOf(b, at + 1)) {
        const start = offset + at
        const bounded = !/\p{L}/u.test(text[start - 1] ?? '') && !/\p{L}/u.test(text[start + b.length] ?? '')
        // a brand of several words overlapping the name ("Calvin Klein Jeans"), or one that starts
        // it ("Mr. Clean"); a one-word brand at the end leaves a person ("Harrison Ford")
        const overlaps = start < span.end && span.start < start + b.length
        if (bounded && overlaps && (/[\s&]/.test(b) || start <= span.start)) return true
      }
    }
  }
  return false
}

function fits(tokens: Token[], at: number, pattern: number[]): boolean {
  for (let k = 0; k < pattern.length; k++) {
    const t = tokens[at + k]
    if (t === undefined || (t.roles & pattern[k]!) === 0) return false
  }
  return true
}

export const person: PiiDetector = (text) => {
  const d = load()
  const tokens = tokenize(text, d)
  const out: PiiFinding[] = []
  let i = 0
  while (i < tokens.length) {
    // the run of adjacent words from i
    let j = i
    while (j + 1 < tokens.length && j - i < 4 && adjacent(text, tokens[j]!, tokens[j + 1]!)) j++
    if (j === i) {
      i++ // every name pattern needs two words
      continue
    }
    const run = tokens.slice(i, j + 1)
    if (PLACE_INITIALS.has(text.slice(run[0]!.start, run[0]!.start + 4))) {
      i += 2 // "U.S. Delivery", "U.K. Office": a country, not initials
      continue
    }
    const titled = TITLE.test(run[0]!.text) && run.length > 1
    let best = 0
    if (titled) {
      // "Mr. Patel" -> "Patel", "Dr. Emily Chen" -> "Emily Chen": the title itself is not the name
      let k = 1
      while (k < run.length && k <= 3 && (run[k]!.roles & (C | I)) !== 0) k++
      if (k > 1 && (run[k - 1]!.roles & C) !== 0) best = k
    } else {
      for (const p of run[0]!.cyr ? RU_PATTERNS : EN_PATTERNS) if (p.length > best && fits(run, 0, p)) best = p.length
      // two plain capitalised words only after a cue, looked up only when it could matter
      if (best === 0 && run.length > 1 && nameCued(text, run[0]!.start)) {
        for (const p of CUED) if (p.length > best && fits(run, 0, p)) best = p.length
        // the next field's label is not the name's last word: "Name: Åsa Laine Phone: 083…"
        if (best === 3 && text[run[2]!.end] === ':') best = 2
      }
    }
    if (best > 0) {
      const from = titled ? run[1]! : run[0]!
      const to = run[best - 1]!
      const span = { start: from.start, end: (to.roles & I) !== 0 ? to.end + 1 : to.end }
      if (!inBrand(text, d, run.slice(0, best), span)) {
        out.push({ type: 'PERSON', ...span, detector: 'person', confidence: titled ? 0.85 : 0.8 })
      }
      i += best
    } else i++
  }
  return out
}
