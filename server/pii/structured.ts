// Detectors for personal data with a fixed shape: contacts, documents, payment and network ids,
// secrets. Every regex is linear (no nested quantifiers over the same characters), so a 1 MB
// hostile input cannot make them backtrack; checksums cut look-alikes (order ids, prices).
import { ibanValid, innValid, luhnValid, ogrnValid, snilsValid } from './checksums'
import type { PiiDetector, PiiFinding, PiiType } from './types'
import {
  addWindow,
  digitGroups,
  digitRunWindows,
  digitWindows,
  isDigitAt,
  isUpperLatinAt,
  startsWithDigits,
  type DigitAnchor,
} from './digits'
import { matchesIn, stickyMatches, windows, windowsAround, type Range } from './windows'

const found = (type: PiiType, detector: string, start: number, end: number, confidence: number): PiiFinding => ({
  type,
  start,
  end,
  detector,
  confidence,
})
const onlyDigits = (s: string) => s.replace(/\D/g, '')
/** The text just before a match, lower-cased, for context cues. */
const before = (text: string, at: number, n = 24) => text.slice(Math.max(0, at - n), at).toLowerCase()

// Cheap candidates: runs of digits with separators. Every digit-shaped id starts with "+", "(" or
// a digit that follows no digit; the precise (sticky) regexes are tried only at such places near
// a run. One computation per text, shared by the digit-shaped detectors.
let digitCache: { text: string; starts: Int32Array } | undefined
function digitStarts(text: string): Int32Array {
  if (digitCache?.text === text) return digitCache.starts
  const windows = digitRunWindows(text, 16)
  // inside the windows: each digit group's start, and every "+" and "(" (found by indexOf, not by
  // a loop over each character), merged in order
  const { starts: groups } = digitGroups(text)
  const marks: number[] = []
  for (const ch of ['+', '(']) for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) marks.push(at)
  marks.sort((a, b) => a - b)
  const starts: number[] = []
  let g = 0
  let k = 0
  for (const w of windows) {
    while (g < groups.length && groups[g]! < w.start) g++
    while (k < marks.length && marks[k]! < w.start) k++
    while ((g < groups.length && groups[g]! < w.end) || (k < marks.length && marks[k]! < w.end)) {
      const nextGroup = g < groups.length && groups[g]! < w.end ? groups[g]! : Infinity
      const nextMark = k < marks.length && marks[k]! < w.end ? marks[k]! : Infinity
      if (nextGroup < nextMark) starts.push(groups[g++]!)
      else starts.push(marks[k++]!)
    }
  }
  digitCache = { text, starts: Int32Array.from(starts) }
  return digitCache.starts
}
/** Candidate starts from which at least `min` digits follow, each filter worked out once per text. */
let narrowCache: { text: string; byMin: Map<number, Int32Array> } | undefined
function startsFor(text: string, min: number): Int32Array {
  if (narrowCache?.text !== text) narrowCache = { text, byMin: new Map() }
  let starts = narrowCache.byMin.get(min)
  if (!starts) narrowCache.byMin.set(min, (starts = startsWithDigits(text, digitStarts(text), min)))
  return starts
}
/** Matches of a sticky id pattern of at least `min` digits, tried only where that many can follow. */
const digitMatches = (text: string, re: RegExp, min: number) => stickyMatches(text, re, startsFor(text, min))

// Role mailboxes of a company are not a person's data.
const ROLE_MAILBOX =
  /^(?:info|support|help|hello|sales|office|contact|contacts|team|noreply|no-reply|press|pr|hr|jobs|careers|marketing|admin|mail|zakaz|order|orders|billing|service|feedback|partners|reception|booking|frontdesk)$/i
// From each "@": the local part is walked back by hand, then one sticky match from its start.
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u
/** LOCAL_CHAR by char code: ASCII answered at once, the regex only for other letters. */
export const isLocalChar = (c: number) =>
  c < 128
    ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45
    : LOCAL_CHAR.test(String.fromCharCode(c))
const EMAIL_AT = /[\p{L}\p{N}][\p{L}\p{N}._%+-]{0,63}@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}\.)+\p{L}{2,24}(?![\p{L}\p{N}])/uy
export const email: PiiDetector = (text) => {
  const out: PiiFinding[] = []
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at
    while (start > 0 && at - start < 64 && isLocalChar(text.charCodeAt(start - 1))) start--
    // the local part starts with a letter or digit
    while (start < at && /[._%+-]/.test(text[start]!)) start++
    EMAIL_AT.lastIndex = start
    const m = EMAIL_AT.exec(text)
    if (!m) continue
    const company = ROLE_MAILBOX.test(m[0].split('@')[0]!)
    out.push({ ...found('EMAIL', 'email', start, start + m[0].length, 0.99), ...(company ? { company: true } : {}) })
    at = start + m[0].length - 1
  }
  return out
}

// Russian +7/8 numbers in the usual spellings, and international E.164 numbers with a "+".
const PHONE_RU = /(?<![\p{L}\p{N}+])(?:\+7|8)[ \t]?(?:\(\d{3}\)|-?\d{3})[ \t-]?\d{3}[ \t-]?\d{2}[ \t-]?\d{2}(?!\d)/uy
// +7 with a 4-5 digit city code: +7 (4822) 35-17-90
const PHONE_RU_CITY = /(?<![\p{L}\p{N}+])(?:\+7|8)[ \t]?\(\d{4,5}\)[ \t]?\d{1,3}(?:[ \t-]?\d{2}){2}(?!\d)/uy
const PHONE_INTL = /(?<![\p{L}\p{N}+])\+(?!7)[1-9]\d{0,2}(?:[ \t.-]?\(?\d{1,4}\)?){2,5}(?!\d)/uy
// North American without "+": (937) 555-0148, 1-800-555-0199, 415.555.0132
const PHONE_NANP = /(?<![\p{L}\p{N}+(-])(?:1[ .-])?(?:\(\d{3}\)[ \t]?|\d{3}[.-])\d{3}[.-]\d{4}(?![\p{N}-])/uy
// UK national: 07700 900812, 020 7946 0958, 0161 496 0000
const PHONE_UK = /(?<![\p{L}\p{N}+-]|\d[ \t])0(?!0)(?:7\d{3}[ \t]?\d{6}|\d{2,4}[ \t]\d{3,4}[ \t]\d{3,4})(?![\p{N}-]|[ \t]\d)/uy
// Any local spelling ("0490 75 40 81", "467 3395") right after a phone cue: "Phone:", "call me at".
const PHONE_ANY = /(?<![\p{L}\p{N}+])\+?\(?\d[\d \t().-]{5,18}\d(?!\d)/uy
const PHONE_CUE =
  /(?:phone|tel\.?|telephone|mobile|cell|fax|desk|call (?:me |us )?(?:at|on)|text (?:me )?(?:at|on)|messages to|whatsapp|телефон\p{L}*|тел\.?|моб\.?|мобильн\p{L}*|(?:по)?звоните(?: мне)?(?: по номеру)?)[\s:.-]{0,3}$/iu
const ORDER_CUE = /(?:заказ\p{L}*|order|счёт|счет|invoice|арт\.?|артикул|sku|№|#|id)\s*[:№#]?\s*$/u
// Every PHONE_CUE holds one of these stems: PHONE_ANY is tried only where one ends close before.
const PHONE_CUE_STEM = /phone|tel|mobile|cell|fax|desk|call|text|messages|whatsapp|тел|моб|звоните/gi
const CUE_REACH = 40
const CUE_STEM_MAX = 8 // "whatsapp", "messages"
/** The candidate starts with a cue stem ending at most CUE_REACH characters before them. */
function cuedStarts(text: string, starts: Int32Array): Int32Array {
  const out: number[] = []
  let i = 0
  // the stems are looked for only in the stretches before candidates, not in the whole text
  const ranges: Range[] = []
  for (let k = 0; k < starts.length; k++) addWindow(ranges, text.length, starts[k]! - CUE_REACH - CUE_STEM_MAX, starts[k]!)
  for (const m of matchesIn(text, PHONE_CUE_STEM, ranges)) {
    const end = m.end
    while (i < starts.length && starts[i]! < end) i++
    while (i < starts.length && starts[i]! - end <= CUE_REACH) out.push(starts[i++]!)
  }
  return Int32Array.from(out)
}
/** Where a North American number can start: "(", "1" and a separator, or three digits and "." or "-". */
function nanpStarts(text: string, starts: Int32Array): Int32Array {
  return starts.filter((at) => {
    const c = text[at]
    if (c === '(') return true
    if (c === '1' && /[ .-]/.test(text[at + 1] ?? '')) return true
    return isDigitAt(text, at + 2) && (text[at + 3] === '.' || text[at + 3] === '-')
  })
}
// Each pattern with the characters it can start with (undefined: any candidate) and, for the
// looser ones, a cheap filter of the candidates.
// Every pattern but PHONE_ANY needs 10 digits (checked below), so it is tried only where 10 follow.
const PHONES: [RegExp, string | undefined, ((text: string, starts: Int32Array) => Int32Array)?][] = [
  [PHONE_RU, '+8'],
  [PHONE_RU_CITY, '+8'],
  [PHONE_INTL, '+'],
  [PHONE_NANP, undefined, nanpStarts],
  [PHONE_UK, '0'],
  [PHONE_ANY, undefined, cuedStarts],
]
export const phone: PiiDetector = (text) => {
  const out: PiiFinding[] = []
  for (const [re, first, narrow] of PHONES) {
    // PHONE_ANY's separators may run longer than an id's gap: it keeps every cued candidate
    const candidates = re === PHONE_ANY ? digitStarts(text) : startsFor(text, 10)
    const starts = narrow ? narrow(text, candidates) : candidates
    for (const m of stickyMatches(text, re, starts, first)) {
      const digits = onlyDigits(m.value)
      if (re === PHONE_ANY ? digits.length < 6 || !PHONE_CUE.test(before(text, m.start, 32)) : digits.length < 10) continue
      const at = freeSlot(out, m)
      if (at < 0) continue // a stricter pattern already has it
      if (digits.length > 15) continue
      if (ORDER_CUE.test(before(text, m.start, 16))) continue
      // "(+44 20 7946 0958)": a closing bracket without its opening one is the text's, not the number's
      if (m.value.endsWith(')') && (m.value.match(/\(/g)?.length ?? 0) < (m.value.match(/\)/g)?.length ?? 0)) m.end -= 1
      const tollFree = /^(?:[78]800|1(?:800|888|877|866|855|844|833))/.test(digits) || /^0800/.test(digits)
      out.splice(at, 0, {
        ...found('PHONE', 'phone', m.start, m.end, re === PHONE_RU || re === PHONE_RU_CITY ? 0.97 : 0.9),
        ...(tollFree ? { company: true } : {}),
      })
    }
  }
  return out
}

/** Where m goes in `out` (sorted, without overlaps), or -1 when it overlaps a finding there. */
function freeSlot(out: PiiFinding[], m: { start: number; end: number }): number {
  let lo = 0
  let hi = out.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (out[mid]!.end <= m.start) lo = mid + 1
    else hi = mid
  }
  return lo < out.length && out[lo]!.start < m.end ? -1 : lo
}

// Passport of a Russian citizen: series (2+2 digits) and number (6). With a cue anywhere close
// before it, or in the typical "45 10 123456" spelling.
const PASSPORT = /(?<![\p{N}-])\d{2}[ \t]?\d{2}[ \t№]{0,3}\d{6}(?![\p{N}-])/uy
// The cue may sit in the question a line before the answer ("паспорт?" / "Клиент: 4510 123456").
const PASSPORT_CUE = /(?:паспорт|серия|passport|серии)[\s\S]{0,120}$/u
export const passportRu: PiiDetector = (text) => {
  const out: PiiFinding[] = []
  for (const m of digitMatches(text, PASSPORT, 10)) {
    if (ORDER_CUE.test(before(text, m.start, 16))) continue
    const cued = PASSPORT_CUE.test(before(text, m.start, 140))
    const spelled = /^\d{2} \d{2} \d{6}$|^\d{4} \d{6}$/.test(m.value)
    if (cued || spelled) out.push(found('PASSPORT_RU', 'passport', m.start, m.end, cued ? 0.97 : 0.75))
  }
  return out
}

const SNILS = /(?<![\p{N}-])\d{3}[- ]?\d{3}[- ]?\d{3}[- ]?\d{2}(?![\p{N}-])/uy
export const snils: PiiDetector = (text) =>
  [...digitMatches(text, SNILS, 11)]
    .filter((m) => snilsValid(onlyDigits(m.value)))
    .map((m) => found('SNILS', 'snils', m.start, m.end, 0.97))

// INN, OGRN, OGRNIP: bare digit runs with valid check digits. A 10-digit INN also needs a cue:
// one random 10-digit number in ten passes its checksum.
const DIGIT_RUN = /(?<![\p{N}\p{L}.,-])\d{10,15}(?![\p{N}\p{L}]|[.,-]\d)/uy
const INN_CUE = /(?<!\p{L})(?:инн|inn|taxpayer|tin)(?!\p{L})[^\n]{0,12}$/u
const OGRN_CUE = /(?<!\p{L})(?:огрн|ogrn|psrn)\p{L}*[^\n]{0,12}$/u
export const registryIds: PiiDetector = (text) => {
  const out: PiiFinding[] = []
  for (const m of digitMatches(text, DIGIT_RUN, 10)) {
    const cue = before(text, m.start, 20)
    const n = m.value.length
    if ((n === 10 || n === 12) && innValid(m.value)) {
      if (INN_CUE.test(cue)) out.push({ ...found('INN', 'inn', m.start, m.end, 0.98), ...(n === 10 ? { company: true } : {}) })
      else if (n === 12 && !OGRN_CUE.test(cue)) out.push(found('INN', 'inn', m.start, m.end, 0.8))
    } else if (n === 13 && /^[1-9]/.test(m.value) && ogrnValid(m.value)) {
      out.push({ ...found('OGRN', 'ogrn', m.start, m.end, OGRN_CUE.test(cue) ? 0.98 : 0.8), company: true })
    } else if (n === 15 && m.value.startsWith('3') && ogrnValid(m.value)) {
      out.push(found('OGRNIP', 'ogrn', m.start, m.end, OGRN_CUE.test(cue) ? 0.98 : 0.8))
    }
  }
  return out
}

const CARD = /(?<![\p{N}-])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?![\p{N}-])/uy
export const card: PiiDetector = (text) =>
  [...digitMatches(text, CARD, 13)]
    .filter((m) => luhnValid(onlyDigits(m.value)) && !/^(\d)\1+$/.test(onlyDigits(m.value)))
    .map((m) => found('CARD', 'card', m.start, m.end, 0.97))

// Two capital letters right before two or more digits
const ibanAnchor: DigitAnchor = (text, i, { starts, ends }) =>
  ends[i]! - starts[i]! >= 2 && isUpperLatinAt(text, starts[i]! - 1) && isUpperLatinAt(text, starts[i]! - 2) ? starts[i]! - 2 : -1
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu
export const iban: PiiDetector = (text) =>
  [...matchesIn(text, IBAN, digitWindows(text, ibanAnchor, 1, 40))]
    .filter((m) => ibanValid(m.value))
    .map((m) => found('IBAN', 'iban', m.start, m.end, 0.99))

// "1.2.3" at least: up to three digits, a dot, up to three digits, a dot, a digit
const ipv4Anchor: DigitAnchor = (text, i, { starts, ends }) => {
  const end = ends[i]!
  const next = i + 1
  if (text[end] !== '.' || starts[next] !== end + 1 || ends[next]! - starts[next]! > 3) return -1
  return text[ends[next]!] === '.' && isDigitAt(text, ends[next]! + 1) ? Math.max(starts[i]!, end - 3) : -1
}
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = new RegExp(`(?<![\\p{N}.])${OCTET}(?:\\.${OCTET}){3}(?![\\p{N}]|\\.\\d)`, 'gu')
// Full or "::"-compressed IPv6: at least one "::" or all eight groups, so clock times never match.
const IPV6 =
  /(?<![\p{L}\p{N}:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?|::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6}))(?![\p{L}\p{N}:])/giu
// "v1.2.3.4", "firmware 4.12.0.9", "iOS app 8.2.0.11", "версия приложения 6.14.2.1": a version
// number, unless the line speaks of a network address after the version word ("после
// обновления сервер 10.0.4.12"). "Customer IP: … · Widget v5.2.0.11": the nearer word decides.
const VERSION_CUE =
  /(?:(?<!\p{L})v|version|versions|release|build|firmware|app|ios|android|sdk|update|patch|версия|версии|релиз|сборк\p{L}*|прошивк\p{L}*|приложени\p{L}*|обновлени\p{L}*)(?!\p{L})[^\n.;]{0,30}$/iu
const ADDRESS_CUE = /(?<!\p{L})(?:ip|host|server|gateway|dns|subnet|login|address|айпи|хост|сервер|шлюз|адрес|вход)/iu
const isVersion = (text: string, at: number) => {
  const cue = before(text, at, 48)
  const version = VERSION_CUE.exec(cue.slice(cue.lastIndexOf('\n') + 1))
  return version !== null && !ADDRESS_CUE.test(version[0])
}
export const ip: PiiDetector = (text) => [
  ...[...matchesIn(text, IPV4, digitWindows(text, ipv4Anchor, 4, 26))]
    .filter((m) => !isVersion(text, m.start))
    .map((m) => found('IP', 'ip', m.start, m.end, 0.9)),
  ...[...matchesIn(text, IPV6, windows(text, /:[0-9A-Fa-f]{0,4}:/g, 45, 40))]
    .filter((m) => /[0-9a-f]{3}/i.test(m.value))
    .map((m) => found('IP', 'ip', m.start, m.end, 0.9)),
]

// Credentials that must never leave: vendor key formats, bearer tokens, JWTs, "api_key = …".
// Each format is looked for only after its own cheap cue, as far as the format can reach.
const SECRETS: { name: string; cue: RegExp; re: RegExp; reach: number }[] = [
  { name: 'openai', cue: /sk-/g, re: /\bsk-(?:proj-|ant-|live-|test-)?[A-Za-z0-9_-]{20,200}/g, reach: 210 },
  {
    name: 'github',
    cue: /gh[pousr]_|github_pat_/g,
    re: /\b(?:gh[pousr]_[A-Za-z0-9]{30,100}|github_pat_[A-Za-z0-9_]{40,120})/g,
    reach: 135,
  },
  { name: 'aws', cue: /AKIA|ASIA/g, re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, reach: 24 },
  { name: 'slack', cue: /xox[abprs]-/g, re: /\bxox[abprs]-[A-Za-z0-9-]{10,100}/g, reach: 110 },
  { name: 'google', cue: /AIza/g, re: /\bAIza[0-9A-Za-z_-]{35}/g, reach: 42 },
  { name: 'stripe', cue: /k_(?:live|test)_/g, re: /\b[rsp]k_(?:live|test)_[A-Za-z0-9]{16,100}/g, reach: 110 },
  { name: 'jwt', cue: /eyJ/g, re: /\beyJ[A-Za-z0-9_-]{8,1000}\.eyJ[A-Za-z0-9_-]{8,2000}\.[A-Za-z0-9_-]{8,1000}/g, reach: 4010 },
  { name: 'bearer', cue: /Bearer/g, re: /(?<=\bBearer\s)[A-Za-z0-9._~+/-]{20,500}=*/g, reach: 520 },
  {
    name: 'assigned',
    cue: /api[_-]?key|secret|token|password|пароль/gi,
    re: /(?<=\b(?:api[_-]?key|secret|token|password|пароль)\s{0,3}[:=]\s{0,3}["']?)[A-Za-z0-9._~+/!@#$%^&*-]{12,200}/gi,
    reach: 220,
  },
]
export const secret: PiiDetector = (text) => {
  const out: PiiFinding[] = []
  for (const { name, cue, re, reach } of SECRETS) {
    // the window starts a few characters early: "\b" and lookbehinds look before the cue
    for (const m of matchesIn(text, re, windows(text, cue, 2, reach))) out.push(found('SECRET', `secret:${name}`, m.start, m.end, 0.95))
  }
  return out
}

// A date of birth only when it is marked as one: "дата рождения: 12.03.1985", "DOB 1990-07-04".
const MONTHS =
  'январ[яь]|феврал[яь]|март[а]?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|август[а]?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
const DATE = `(?:\\d{1,2}[./-]\\d{1,2}[./-](?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:${MONTHS})\\.?\\s+(?:19|20)\\d{2}(?:\\s?г\\.?)?|(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+(?:19|20)\\d{2})`
const DOB_CUE =
  '(?:дат[аыуе]\\s+рождения|д\\.\\s?р\\.|родил(?:ся|ась)|г\\.\\s?р\\.|born(?:\\s+on)?|date\\s+of\\s+birth|dob|birth\\s?date|birthday)'
const DOB = new RegExp(`${DOB_CUE}\\s{0,3}[:\\-–—]?\\s{0,3}(?:on\\s+|в\\s+|is\\s+|was\\s+|—\\s+)?(${DATE})`, 'giu')
// An answer on its own line to a question about the date of birth: "…дата рождения?\nКлиент: 03.11.1991"
const DOB_ANSWER = new RegExp(`${DOB_CUE}[^\\n]{0,80}\\n[^\\n:]{0,30}:\\s{0,3}(${DATE})`, 'giu')
// …or marked after it: "19.01.1983 г.р.", "1 марта 1990 года рождения"
const DOB_AFTER = new RegExp(`(?<![\\p{N}])(${DATE})(?:\\s?года)?\\s?(?:г\\.\\s?р\\.|рождения)`, 'giu')
export const dateOfBirth: PiiDetector = (text) => {
  const out: PiiFinding[] = []
  const cues = [...text.matchAll(/рожд|birth|born|dob|г\.\s?р|д\.\s?р|родил/gi)]
  if (cues.length === 0) return out
  // a marked date ends just before its cue; a cued one starts a few characters before "рожд"/"birth"
  for (const m of matchesIn(text, DOB_AFTER, windowsAround(text, cues, 45, 12))) {
    const date = m.groups[1]!.replace(/\s?г\.?$/u, '')
    out.push(found('DATE_OF_BIRTH', 'dob', m.start, m.start + date.length, 0.95))
  }
  const ranges = windowsAround(text, cues, 16, 240)
  for (const m of [...matchesIn(text, DOB, ranges), ...matchesIn(text, DOB_ANSWER, ranges)]) {
    const date = m.groups[1]!
    const start = m.end - date.length
    out.push(found('DATE_OF_BIRTH', 'dob', start, start + date.replace(/\s?г\.?$/u, '').length, 0.95))
  }
  return out
}

export const STRUCTURED: PiiDetector[] = [email, phone, passportRu, snils, registryIds, card, iban, ip, secret, dateOfBirth]
