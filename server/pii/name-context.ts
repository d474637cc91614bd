// Single names in context: what may not reach a model (the `to_model` operating point) includes
// every mention of a person, not only a full name. Where the two-word patterns of person.ts stop,
// this layer finds a lone name by where it stands and what the text already said:
// - a transcript's or chat's speaker label ("Тагир:", "Оператор Слава:", "Agent Rose:");
// - a greeting or a form of address ("Ануш, здравствуйте", "Hi Rahul", "Dear Hannah");
// - a role before it ("оператор Слава", "наш технолог Гоар", "our designer Kim");
// - a given name or a diminutive from the lists, capitalised where a common word would not be
//   (words that are also ordinary words, Вера, Роман, Will, Grace, need one of the cues above);
// - a Russian surname by its suffix, inside a sentence, not a place;
// - and every other mention, in any case form, of a name the document already gave (a transcript
//   names its speakers once in full and then by first name).
import { A, C, D, F, NOT_A_NAME, S, isBrandWord, person, wordRoles } from './person'
import { TITLE_WORD, capitalValues, capitals } from './capitals'
import { fold, givenNameForms, surnameForms } from './name-forms'
import type { PiiDetector, PiiFinding } from './types'

const L = 'A-Za-zÀ-ÖØ-öø-ÿĀ-ſА-яЁё'
const UPPER = 'A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ'
const CAP = `[${UPPER}][${L}]*(?:['’-][${L}]+)*`

// Roles and jobs that stand before a person's name ("оператор Слава", "Agent Rose", "наш технолог Гоар").
const ROLE_LIST = [
  'оператор',
  'операторка',
  'агент',
  'менеджер',
  'менеджерка',
  'специалист',
  'консультант',
  'курьер',
  'мастер',
  'администратор',
  'клиент',
  'клиентка',
  'коллега',
  'руководитель',
  'директор',
  'директорка',
  'дизайнер',
  'технолог',
  'бухгалтер',
  'юрист',
  'водитель',
  'врач',
  'доктор',
  'медсестра',
  'преподаватель',
  'учитель',
  'учительница',
  'тренер',
  'модератор',
  'респондент',
  'участник',
  'участница',
  'стажёр',
  'стажер',
  'продавец',
  'продавщица',
  'кассир',
  'повар',
  'управляющая',
  'управляющий',
  'сотрудник',
  'сотрудница',
  'инженер',
  'аналитик',
  'маркетолог',
  'продакт',
  'владелец',
  'владелица',
  'совладелица',
  'совладелец',
  'основатель',
  'основательница',
  'сестра',
  'брат',
  'мама',
  'папа',
  'муж',
  'жена',
  'сын',
  'дочь',
  'agent',
  'operator',
  'manager',
  'rep',
  'representative',
  'specialist',
  'consultant',
  'courier',
  'driver',
  'technician',
  'engineer',
  'designer',
  'colleague',
  'coordinator',
  'assistant',
  'director',
  'founder',
  'co-founder',
  'owner',
  'nurse',
  'doctor',
  'teacher',
  'coach',
  'moderator',
  'participant',
  'customer',
  'client',
  'analyst',
  'intern',
  'supervisor',
  'lead',
  'recruiter',
  'accountant',
  'lawyer',
  'host',
  'guest',
  'chef',
  'cashier',
  'barista',
  'husband',
  'wife',
  'son',
  'daughter',
  'sister',
  'brother',
  'mum',
  'mom',
  'dad',
]
const ROLE = `(?:${ROLE_LIST.join('|')})`
/** The same roles with a capital or a small first letter, for patterns that must stay case-sensitive. */
const ROLE_ANY_CASE = ROLE.replace(/(?<=[:|])(\p{Ll})/gu, (c) => `[${c}${c.toUpperCase()}]`)

// Discourse words and group addresses that a comma and a greeting follow as a name would ("Отлично,
// спасибо", "Коллеги, добрый день"): never a person's name.
const DISCOURSE = new Set(
  'Отлично Хорошо Понятно Ясно Ладно Спасибо Да Нет Ок Окей Супер Класс Всё Все Коллеги Друзья Ребята Господа Итак Так Здорово Конечно Верно Точно Прекрасно Замечательно Well So Okay OK Ok Great Perfect Sure Right Yes No Thanks Fine Cool Alright Good Everyone Team Folks All Guys Hey Hi Hello Absolutely Exactly Awesome Lovely Brilliant Indeed Anyway'.split(
    ' ',
  ),
)

// Greetings and thanks after a name ("Ануш, здравствуйте!").
const GREETING_AFTER =
  /^,[ \t\u00a0]*(?:здравствуйте|добрый\s+(?:день|вечер)|доброе\s+утро|привет|спасибо|благодарю|подскажите|скажите|уточните|посмотрите|hi|hello|thanks|thank\s+you|could\s+you|can\s+you|please|welcome)/iu
// A letter's sign-off line before a lone name on its own line.
const SIGN_OFF_LINE =
  /(?:regards|sincerely|best wishes|best|thanks|thank you|cheers|с уважением|спасибо|всего доброго|хорошего дня)[,!.]?[ \t]*\n[ \t]*$/iu

// A line's label: "Тагир:", "Оператор Слава:", "[00:12:04] Agent Rose:", "— Катя:".
const LABEL = new RegExp(
  `^[ \\t]*(?:[-–—•*>][ \\t]*)?(?:\\[?\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?\\]?[ \\t]*)?(?:${ROLE_ANY_CASE}[ \\t]+)?(${CAP}(?:[ \\t]${CAP}){0,2})[ \\t]*(?:\\([^)\\n]{0,40}\\))?[ \\t]*:`,
  'muy',
)
const LINE_BREAK = /[\n\r\u2028\u2029]/g

/** The matches of LABEL, tried only where a line starts (its "^"), not at every character. */
function labelsOf(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = []
  let from = 0 // a match never starts inside the one before
  LINE_BREAK.lastIndex = 0
  for (let at = 0; at >= 0; ) {
    if (at >= from) {
      LABEL.lastIndex = at
      const m = LABEL.exec(text)
      if (m) {
        out.push(m)
        from = m.index + m[0].length
      }
    }
    at = LINE_BREAK.test(text) ? LINE_BREAK.lastIndex : -1
  }
  return out
}
// Field labels that are not people, however often they repeat.
const FIELD = new Set(
  `бот bot система system ии ai ассистент assistant робот тема дата время итог итоги вопрос ответ примечание статус задача задачи решение решения комментарий комментарии результат источник канал телефон почта адрес email e-mail город компания сумма заказ товар цена срок сроки цель цели план шаг этап место формат участники присутствовали повестка отв ответственный кому от копия re fw subject from to cc date time topic note notes status task tasks result source channel phone address company amount order price deadline goal goals plan step agenda attendees participants summary action actions next owner q a в о р и вывод выводы резюме контекст next steps follow-up фио имя name`.split(
    ' ',
  ),
)

/** Whether `at` starts a sentence, a line, a quote or a label's value. */
function sentenceStartAt(text: string, at: number): boolean {
  let k = at - 1
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k--
  return k < 0 || '.!?…:\n"«»“”(—–-'.includes(text[k]!)
}

/** Cyrillic words whose case forms we compare by stem: the word without its case ending. */
const stemKeyOf = (w: string) => {
  const f = fold(w)
  return /[а-я]/.test(f)
    ? f.replace(/(?:ами|ями|ого|его|ому|ему|ыми|ими|ой|ей|ом|ем|ым|им|ою|ею|ах|ях|ов|ев|а|я|у|ю|е|ы|и|ь|й)$/, '')
    : f.replace(/['’]s$/, '')
}

// Capitalised words repeat across texts (names, brands, sentence starters): their roles and stems
// are worked out once per process (bounded), so a document costs mostly map lookups.
const CACHE_MAX = 200_000
const wordCache = new Map<string, WordInfo>()
const stemCache = new Map<string, string>()
function cached<V>(cache: Map<string, V>, key: string, make: (k: string) => V): V {
  let v = cache.get(key)
  if (v === undefined) {
    if (cache.size >= CACHE_MAX) cache.clear()
    cache.set(key, (v = make(key)))
  }
  return v
}
// Russian given names that are also common words (вера в чудо, роман недели, слава богу, Алиса the
// assistant): like the English ambiguous list, a name only inside a sentence or with a cue.
const RU_WORD_NAMES = new Set(
  [
    ['Вера', 'f'],
    ['Надежда', 'f'],
    ['Любовь', 'f'],
    ['Роман', 'm'],
    ['Лев', 'm'],
    ['Слава', 'any'],
    ['Мира', 'f'],
    ['Роза', 'f'],
    ['Лилия', 'f'],
    ['Майя', 'f'],
    ['Виктория', 'f'],
    ['Злата', 'f'],
    ['Марина', 'f'],
    ['Ангелина', 'f'],
    ['Алиса', 'f'],
    ['Маруся', 'f'],
    ['Ника', 'f'],
    ['Лада', 'f'],
    ['Зоя', 'f'],
    ['Агата', 'f'],
    ['Ярослава', 'f'],
  ]
    .flatMap(([n, sex]) => givenNameForms(n!, sex as 'm' | 'f' | 'any'))
    .concat(['любви', 'любовью']),
)
const rolesOf = (w: string) => infoOf(w).bits & ROLE_BITS
// What the word loops ask of each capitalised word, worked out once: its roles and, as bits,
// whether it can never be a name here (too short, all capitals, a stop word), a stop word,
// a brand's word, Cyrillic; and its stem, to compare case forms with the names the text gave.
const ROLE_BITS = 0xfff
const NEVER = 1 << 12,
  BRAND = 1 << 13,
  CYR = 1 << 14,
  STOP_WORD = 1 << 15
type WordInfo = { bits: number; stem: string }
const infoOf = (w: string): WordInfo =>
  cached(wordCache, w, (x) => {
    const r = wordRoles(x)
    const roles = RU_WORD_NAMES.has(fold(x)) ? (r & ~(F | D)) | A : r
    const stop = NOT_A_NAME.has(x)
    const never = x.length < 2 || !hasLower(x) || stop || DISCOURSE.has(x)
    return {
      bits: roles | (never ? NEVER : 0) | (stop ? STOP_WORD : 0) | (isBrandWord(x) ? BRAND : 0) | (/[а-яё]/i.test(x) ? CYR : 0),
      stem: stemKey(x),
    }
  })
const stemKey = (w: string) => cached(stemCache, w, stemKeyOf)

// Places and streets that take a surname's suffix: never a lone surname.
const PLACE_WORDS = new Set(
  'на г город города городе пос посёлок поселок село деревня ул улица улице улицы проспект проспекте пр-т переулок пер область обл район районе в во из под до через near in at from'.split(
    ' ',
  ),
)

// Not a person however it looks: a pet, a voice assistant, a dish or drink named after someone.
const THING_WORDS = new Set(
  'кот кошка кошки кошку кота пёс пес пса собака собаки собаку щенок щенка котёнок котенок котёнка питомец питомца попугай попугая хомяк пицца пиццы пиццу пицце торт пирожное пирожного салат суп коктейль коктейля напиток напитка блюдо блюда сорт eggs egg peach beef chicken salad pizza cake cocktail drink dish dog cat puppy kitten parrot lake mount mt port fort saint st'.split(
    ' ',
  ),
)
const THING_AFTER =
  /^(?:,?[ \t\u00a0]+(?:the[ \t\u00a0]+)?(?:built-in[ \t\u00a0]+)?(?:voice[ \t\u00a0]+)?assistant|[ \t\u00a0]+(?:parfait|salad|sauce|cocktail|sundae|pie|cake)|,[ \t\u00a0]*(?:голосов|умн)\p{L}*[ \t\u00a0]+(?:помощни|колонк|ассистент))/iu
// The next word is capitalised and not a name: a Title Case heading or product.
const TITLE_NEIGHBOUR = /^[ \t\u00a0]+(?!(?:and|or|&)\b)\p{Lu}\p{Ll}+(?![ \t]*:)/u
// A place list or a trip: "fly to Charlotte, Austin or Eugene".
const PLACE_WORDS_EN = new Set('to from in at near via visit around or and'.split(' '))
const ROLE_WORDS = new Set(ROLE_LIST)
// the word right before a name that greets or addresses ("Hi Rahul", "Dear Hannah", "Привет, Маша")
const GREETING_WORDS = new Set(
  'здравствуйте привет приветствую спасибо благодарю уважаемая уважаемый дорогая дорогой hi hello hey dear thanks welcome cheers morning evening afternoon день вечер утро'.split(
    ' ',
  ),
)

/** A lower-case letter after the first (not an acronym such as WINTER or ООО). */
const hasLower = (w: string) => {
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i)
    if ((c >= 97 && c <= 122) || (c >= 0x430 && c <= 0x44f) || c === 0x451 || (c >= 0xdf && c <= 0xff && c !== 0xf7)) return true
  }
  return false
}

/** Latin, Latin-1/Extended-A, Cyrillic letters and the hyphen, by char code (no regex per character). */
const isLetter = (c: number) =>
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 45 ||
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
  (c >= 0x400 && c <= 0x4ff)

/** The word before `at` (skipping spaces and one comma), or ''. */
function previousWord(text: string, at: number): string {
  let k = at - 1
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k--
  if (text[k] === ',') k--
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--
  let j = k
  while (j >= 0 && isLetter(text.charCodeAt(j))) j--
  return text.slice(j + 1, k + 1)
}
const isRole = (w: string) => ROLE_WORDS.has(w.toLowerCase())

// What the word before a capitalised word says (a role, a greeting, a thing, a place), as bits:
// worked out once per distinct word (the words before names repeat), not lower-cased at every use.
const ROLE_BEFORE = 1,
  GREETING_BEFORE = 2,
  THING_BEFORE = 4,
  PLACE_BEFORE_EN = 8,
  PLACE_BEFORE = 16
const prevCache = new Map<string, number>()
const prevKindOf = (prev: string) =>
  cached(prevCache, prev, (w) => {
    const lower = w.toLowerCase()
    return (
      (ROLE_WORDS.has(lower) ? ROLE_BEFORE : 0) |
      (GREETING_WORDS.has(lower) ? GREETING_BEFORE : 0) |
      (THING_WORDS.has(lower) ? THING_BEFORE : 0) |
      (PLACE_WORDS_EN.has(lower) ? PLACE_BEFORE_EN : 0) |
      (PLACE_WORDS.has(lower) ? PLACE_BEFORE : 0)
    )
  })

export const people: PiiDetector = (text) => {
  const found: PiiFinding[] = person(text).filter(
    (f) => !inQuotes(text, f.start, f.end) && !THING_WORDS.has(previousWord(text, f.start).toLowerCase()),
  )
  const mask = new Uint8Array(text.length)
  const mark = (f: { start: number; end: number }) => mask.fill(1, f.start, f.end)
  found.forEach(mark)
  const taken = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (mask[i] === 1) return true
    return false
  }
  const add = (start: number, end: number, confidence: number) => {
    if (end <= start || taken(start, end)) return
    const f: PiiFinding = { type: 'PERSON', start, end, detector: 'person-context', confidence }
    found.push(f)
    mark(f)
  }

  // 1. speaker labels: a name before a colon at a line's start. A label that repeats (a
  // transcript) counts unless it is a field or a role alone; one that does not must hold a given name.
  const labels = new Map<string, { start: number; end: number }[]>()
  for (const m of labelsOf(text)) {
    const name = m[1]!
    const words = name.split(/[ \t]/)
    if (words.some((w) => FIELD.has(w.toLowerCase()) || NOT_A_NAME.has(w) || isBrandWord(w) || isRole(w))) continue
    const start = m.index + m[0].lastIndexOf(name, m[0].lastIndexOf(':'))
    const at = labels.get(name)
    if (at) at.push({ start, end: start + name.length })
    else labels.set(name, [{ start, end: start + name.length }])
  }
  for (const [name, at] of labels) {
    const words = name.split(/[ \t]/)
    if (at.length >= 2 || words.some((w) => (rolesOf(w) & (F | D)) !== 0)) for (const s of at) add(s.start, s.end, 0.72)
  }

  // 2. each capitalised word: by its cue, or by the lists where it cannot be a common word. The
  // context tests run only for a word that could become a name (most capitalised words cannot).
  const words: { w: string; start: number; info: WordInfo }[] = []
  const caps = capitals(text)
  const values = capitalValues(text)
  for (let k = 0; k < caps.starts.length; k++) {
    if ((caps.flags[k]! & TITLE_WORD) !== 0) continue
    const start = caps.starts[k]!
    const w = values[k]! // "Lena's" -> "Lena"
    const end = start + w.length
    const info = infoOf(w)
    if (w.length >= 3) words.push({ w, start, info })
    const bits = info.bits
    if ((bits & NEVER) !== 0) continue
    const roles = bits & ROLE_BITS
    const named = (roles & (F | D | A | S)) !== 0
    const prev = previousWord(text, start)
    const prevKind = prevKindOf(prev)
    const cueBefore = (prevKind & ROLE_BEFORE) !== 0 || (named && (prevKind & GREETING_BEFORE) !== 0)
    const cueAfter = text.charCodeAt(end) === 44 /* , */ && GREETING_AFTER.test(text.slice(end, end + 30))
    if (!named && !cueBefore && !cueAfter) continue
    if (taken(start, end) || (bits & BRAND) !== 0) continue
    const after = text.slice(end, end + 30)
    if ((prevKind & THING_BEFORE) !== 0 || inQuotes(text, start, end) || THING_AFTER.test(after)) continue
    const cyr = (bits & CYR) !== 0
    // a role or a form of address names whoever follows; a greeting before needs a known name
    if (
      (cueBefore || cueAfter || (named && text[start - 1] === '\n' && SIGN_OFF_LINE.test(text.slice(Math.max(0, start - 40), start)))) &&
      (roles & C) !== 0 &&
      !isRole(w)
    ) {
      add(start, end, 0.75)
      continue
    }
    const sentenceStart = sentenceStartAt(text, start)
    if ((roles & (F | D)) !== 0 && (roles & A) === 0) {
      if (!cyr && ((prevKind & PLACE_BEFORE_EN) !== 0 || /^,[ \t]*\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+)?[ \t]*(?:,|or|and)/u.test(after)))
        continue // a city in a list
      // in a Title Case run ("Amber Glow Candle", "Meet The Team") a given name is a product or a heading
      if (!cyr && (TITLE_NEIGHBOUR.test(after) || (!sentenceStart && /^\p{Lu}/u.test(prev) && (rolesOf(prev) & (F | D | S)) === 0)))
        continue
      add(start, end, 0.7) // Катя, Глеб, Emeka: a name whatever the position
      continue
    }
    if ((roles & A) !== 0 && !sentenceStart && cyr) {
      add(start, end, 0.6) // Вера, Роман inside a sentence, capitalised: the name, not the word
      continue
    }
    if (
      (roles & S) !== 0 &&
      !sentenceStart &&
      cyr &&
      w.length >= 5 &&
      (prevKind & PLACE_BEFORE) === 0 &&
      !PLACE_AFTER.test(after) &&
      !RU_SURNAME_LIKE_PLACES.has(fold(w))
    )
      add(start, end, 0.6)
  }

  // 3. every other mention of a name the text gave: its words, in any case form
  const known = new Set<string>()
  for (const f of found)
    if (f.type === 'PERSON') for (const w of text.slice(f.start, f.end).split(/[\s.]+/)) if (w.length >= 3) known.add(stemKey(w))
  if (known.size) {
    for (const { w, start, info } of words) {
      if ((info.bits & STOP_WORD) !== 0 || !known.has(info.stem) || inQuotes(text, start, start + w.length)) continue
      add(start, start + w.length, 0.68)
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

// Towns that decline like surnames ("к Саратову", "в Пскове"): a lone one is a place.
const RU_SURNAME_LIKE_PLACES = new Set(
  'Саратов Ростов Тамбов Псков Киров Королёв Пушкин Азов Чехов Орехов Кронштадт Пущин Сортавала Ржев Лермонтов Гагарин Бежецк Ковров Ливны Кимры Рыбинск Тутаев Гороховец Мичуринск Муром Елец Кашин Клин Можайск Ростов-на-Дону Калинин Свердловск Горький Жуковский Дзержинский Троицк Фрязино Сергиев'
    .split(' ')
    .flatMap((p) => surnameForms(p)),
)

// "Ростовской области", "Пушкинская улица": an adjective of a place, not a surname.
const PLACE_AFTER =
  /^[ \t\u00a0]+(?:област|обл\.|район|края|край|улиц|ул\.|проспект|переул|шоссе|площад|бульвар|набережн|вокзал|метро|станци)/iu

/** «Анна Павлова» the cake, «Алиса» the assistant, „Дядя Фёдор“: a name inside a short quoted title. */
function inQuotes(text: string, start: number, end: number): boolean {
  let k = start - 1
  for (; k >= 0 && start - k <= 31; k--) {
    const c = text[k]!
    if (c === '«' || c === '“' || c === '„' || c === '"') break
    if (c === '»' || c === '”' || c === '\n') return false
  }
  if (k < 0 || start - k > 31) return false
  for (let j = end; j < text.length && j - end <= 31; j++) {
    const c = text[j]!
    // a title of at most four words, not a quoted sentence that mentions someone
    if (c === '»' || c === '”' || c === '“' || c === '"')
      return (
        text
          .slice(k + 1, j)
          .trim()
          .split(/\s+/).length <= 4 && !/[,;:!?]/.test(text.slice(k + 1, j))
      )
    if (c === '«' || c === '„' || c === '\n') return false
  }
  return false
}
