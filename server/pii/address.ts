// Postal addresses with a house number, Russian and English (and the German "-straße 12"
// spelling). A street without a number ("доставка по Москве", "coffee on Baker Street") is
// not an address. Bounded repetitions only: no backtracking blow-up on long inputs.
import type { PiiDetector, PiiFinding } from './types'
import { addWindow, digitWindows, isLatinAt, isUpperLatinAt, type DigitAnchor } from './digits'
import { matchesIn, type Range } from './windows'

const W = '\\p{Lu}[\\p{L}ё-]*'
// Russian: [postcode, region, city, …] street house [, building / flat / office …]
const RU_STREET_TYPE =
  '(?:ул\\.|улица|пр-т|пр-кт|просп\\.|проспект|пр\\.|пер\\.|переулок|ш\\.|шоссе|наб\\.|набережная|б-р|бульвар|пл\\.|площадь|проезд|мкр\\.?|микрорайон|аллея|тракт|линия)'
const RU_PLACE = `(?:\\d{6}(?:,\\s?${W}(?:[\\s-]${W})?)?|${W}(?:ая|ий|ой)?\\s(?:обл\\.|область|край|респ\\.|республика|р-н|район)|(?:г\\.|город|пос\\.|посёлок|пгт|с\\.|дер\\.|д\\.)\\s?${W}(?:[\\s-]${W})?)`
const RU_STREET = `(?:${RU_STREET_TYPE}\\s?(?:\\d{1,2}-я\\s|реки\\s|канала\\s|им\\.\\s)?${W}(?:\\s${W})?|${W}\\s${RU_STREET_TYPE})`
const RU_HOUSE = '(?:,\\s?|\\s)(?:(?:д\\.|дом)\\s?)?\\d{1,4}(?:[а-яa-z](?![\\p{L}]))?(?:[/-]\\d{1,4})?'
const RU_EXTRA =
  '(?:,\\s?(?:(?:корп\\.|корпус|к\\.|стр\\.|строение|кв\\.|квартира|оф\\.|офис|пом\\.|помещение|эт\\.|этаж)\\s?\\d{1,4}(?:-?[а-яА-Яa-zA-Z])?|лит\\.\\s?[А-Я]))'
// The lookahead first: the characters an address can start with (capitals of the Latin, Greek and
// Cyrillic scripts, digits, the first letters of the place and street words), so most places fail at once.
const RU_ADDRESS = new RegExp(
  `(?=[0-9A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-ЯЁгпсдумнбшатл])(?<![\\p{L}\\p{N}])(?:${RU_PLACE},\\s?){0,4}${RU_STREET}${RU_HOUSE}${RU_EXTRA}{0,4}`,
  'gu',
)

// English: [Unit 5, ] number street-name street-type [, Apt 4B][, City][, ST 12345 | UK postcode]
const EN_STREET_TYPE =
  '(?:Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Ln\\.?|Drive|Dr\\.?|Boulevard|Blvd\\.?|Parkway|Pkwy\\.?|Way|Court|Ct\\.?|Place|Pl\\.?|Square|Sq\\.?|Terrace|Close|Crescent|Highway|Hwy\\.?|Row|Gardens|Mews|Walk|Grove|Circle|Trail)'
const EN_UNIT = '(?:Apt\\.?|Apartment|Suite|Ste\\.?|Unit|Flat|Floor)\\s?[A-Z0-9]{1,5}'
const POSTCODE = '(?:[A-Z]{2}\\s\\d{5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2})'
const CITY = "\\p{Lu}[\\p{L}'.-]*(?:\\s\\p{Lu}[\\p{L}'.-]*){0,2}"
const EN_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${EN_UNIT},\\s)?\\d{1,5}[A-Za-z]?\\s(?:\\p{Lu}[\\p{L}'-]*\\s){1,3}${EN_STREET_TYPE}(?![\\p{L}])` +
    `(?:,\\s${EN_UNIT})?(?:,?\\s${CITY}(?:,)?\\s${POSTCODE}|,?\\s${POSTCODE})?`,
  'gu',
)
// A Russian address written in Latin letters: 197022, St. Petersburg, Aptekarsky Prospekt, 6, office 310
const RU_LATIN_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:\\d{6},\\s(?:St\\.\\s)?${W}(?:\\s${W})?,\\s)?${W}\\s(?:Prospekt|Ulitsa|ul\\.|Pereulok|Shosse|Naberezhnaya|Bulvar|Street|Avenue),\\s\\d{1,4}[A-Za-z]?` +
    `(?:,\\s(?:building|bldg\\.|office|apt\\.?|flat|suite)\\s\\w{1,5}){0,2}`,
  'gu',
)
// US military mail: "PSC 0413, Box 8144, APO AA 42323", "Unit 4719 Box 7394 DPO AP 70942"
const MILITARY_ADDRESS = /(?<![\p{L}\p{N}])(?:PSC|CMR|Unit)\s\d{3,5},?\sBox\s\d{3,5},?\s(?:APO|FPO|DPO)\s(?:AA|AE|AP)\s\d{5}(?!\d)/gu
const militaryAnchor: DigitAnchor = (text, i, { starts }) => (text.slice(starts[i]! - 4, starts[i]!) === 'Box ' ? starts[i]! - 4 : -1)
const DE_ADDRESS =
  /(?<![\p{L}\p{N}])\p{Lu}\p{L}+(?:straße|strasse|weg|platz|allee|gasse|ring|damm)\s\d{1,4}[a-z]?(?:,\s\d{5}\s\p{Lu}\p{L}+)?/gu

// Continental Europe and Latin America: the street word is a suffix of the name (Søndergade,
// Koskikatu, Keizersgracht), a word after it (Váci utca, Erzsébet tér) or before it (Rua do
// Arenque, Via Roma, Calle Mayor), then the house number; or the number first ("12 rue de la Paix").
// A postcode and town may follow. German -straße/-weg… stay with DE_ADDRESS above.
// Street words (regex fragments), each list used by the address patterns and by the cheap anchor below.
const EU_SUFFIXES = [
  'straat',
  'laan',
  'plein',
  'gracht',
  'kade',
  'dijk',
  'gade',
  'vej',
  'veien',
  'vegen',
  'gata',
  'gatan',
  'vägen',
  'gränd',
  'torget',
  'katu',
  '[nlrs]tie',
  'kuja',
  'polku',
  'tänav',
]
const EU_AFTERS = [
  'utca',
  'út',
  'útja',
  'tér',
  'körút',
  'ulica',
  'aleja',
  'cesta',
  'gatve',
  'sokak',
  'sokağı',
  'caddesi',
  'bulvarı',
  'náměstí',
  'nábřeží',
  'třída',
]
const EU_BEFORES = [
  'Rua',
  'Avenida',
  'Av\\.',
  'Calle',
  'Carrer',
  'Camino',
  'Paseo',
  'Plaza',
  'Praça',
  'Travessa',
  'Largo',
  'Via',
  'Viale',
  'Corso',
  'Piazza',
  'Vicolo',
  'Rue',
  'Avenue',
  'Boulevard',
  'Bd\\.',
  'Place',
  'Chemin',
  'Allée',
  'Quai',
  'Impasse',
  'Strada',
  'Calea',
  'Aleja',
  'Ulica',
  'ul\\.',
  'Odos',
  'Leoforos',
]
// …and the ones written after the number, in lower case ("12 rue de la Paix")
const EU_AFTER_NUMBER = '(?:rue|avenue|boulevard|bd|place|allée|chemin|quai|impasse|via|viale|piazza|calle|avenida|rua)'
const EU_SUFFIX = `(?:${EU_SUFFIXES.join('|')})`
const EU_AFTER = `(?:${EU_AFTERS.join('|')})`
const EU_BEFORE = `(?:${EU_BEFORES.join('|')})`
// a dot only inside a word ("St.Peter"): "…, 75002 Paris. Váci utca 12" is two things
const EU_NAME = "\\p{Lu}[\\p{L}'’-]*(?:\\.\\p{L}[\\p{L}'’-]*)*"
const EU_PARTICLE = "(?:de|do|da|dos|das|del|de la|de los|las|los|di|della|dei|degli|du|des|d'|l'|la|le|von|der)"
const EU_POSTCODE = '(?:,\\s?|\\s)(?:\\d{4,5}(?:-\\d{3})?|\\d{2}-\\d{3})\\s\\p{Lu}[\\p{L}-]+(?:\\s\\p{Lu}[\\p{L}-]+)?'
// 12, 12a, 10/12, 5 A (a Finnish staircase)
const EU_HOUSE = '\\d{1,4}(?:[a-zA-Z]|\\s[A-Z](?![\\p{L}\\p{N}]))?(?:[/-]\\d{1,4})?\\.?'
const EU_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?!(?:Brigade|Renegade|Bowtie|Necktie|Hottie)\\b)(?:(?:${EU_NAME}\\s){0,2}\\p{Lu}\\p{L}*${EU_SUFFIX}|(?:${EU_NAME}\\s){1,3}${EU_AFTER}|${EU_BEFORE}\\s(?:${EU_PARTICLE}\\s?)?${EU_NAME}(?:\\s(?:${EU_PARTICLE}\\s?)?${EU_NAME}){0,3})` +
    `,?\\s${EU_HOUSE}(?![\\p{L}\\p{N}])(?:,?\\s{1,2}${EN_UNIT})?(?:${EU_POSTCODE})?`,
  'gu',
)
const EU_NUMBER_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}])\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s${EU_AFTER_NUMBER}\\s(?:${EU_PARTICLE}\\s?)?${EU_NAME}(?:\\s(?:${EU_PARTICLE}\\s?)?${EU_NAME}){0,3}(?:${EU_POSTCODE})?`,
  'giu',
)

// Each pattern runs only around a cheap anchor (a street word, a house number before a capital),
// with windows reaching as far as the pattern can: places before a Russian street, city after.
// The anchors next to a house number come from the one shared pass over the digits.
const RU_STREET_CUE =
  /ул\.|улиц|пр-т|пр-кт|просп|пр\.|пер\.|переул|ш\.|шоссе|наб\.|набережн|б-р|бульвар|пл\.|площад|проезд|мкр|микрорайон|аллея|тракт|линия/g
// "12 Baker", "221B Baker": up to five digits, a letter maybe, a space, a capital
const enAnchor: DigitAnchor = (text, i, { starts, ends }) => {
  let k = ends[i]!
  if (isLatinAt(text, k)) k++
  return text[k] === ' ' && isUpperLatinAt(text, k + 1) ? Math.max(starts[i]!, ends[i]! - 5) : -1
}
// "Aptekarsky Prospekt, 6" and "Hauptstraße 5": the street word right before the number
const RU_LATIN_STREET = /(?:Prospekt|Ulitsa|ul\.|Pereulok|Shosse|Naberezhnaya|Bulvar|Street|Avenue)$/
const DE_STREET = /(?:straße|strasse|weg|platz|allee|gasse|ring|damm)$/
const streetBefore =
  (re: RegExp, gap: string, longest: number): DigitAnchor =>
  (text, i, { starts }) => {
    const at = starts[i]! - gap.length
    if (text.slice(at, starts[i]!) !== gap) return -1
    const word = re.exec(text.slice(Math.max(0, at - longest), at))
    return word ? at - word[0].length : -1
  }
const ruLatinAnchor = streetBefore(RU_LATIN_STREET, ', ', 12)
const deAnchor = streetBefore(DE_STREET, ' ', 7)
// A house number with a street word in the 60 characters before it, or a street word right after
// it. The street words are found once per text (one cheap scan), not around every number.
const EU_STREET_WORD = new RegExp([...EU_SUFFIXES, ...EU_AFTERS, ...EU_BEFORES.map((w) => `${w} `)].join('|'), 'g')
const EU_STREET_AFTER = new RegExp(`,?\\s?(?:bis\\s|ter\\s)?${EU_AFTER_NUMBER}\\s`, 'iy')
let streetWords: { text: string; at: Int32Array } | undefined
function streetWordsOf(text: string): Int32Array {
  if (streetWords?.text !== text) streetWords = { text, at: Int32Array.from(text.matchAll(EU_STREET_WORD), (m) => m.index) }
  return streetWords.at
}
const euAnchor: DigitAnchor = (text, i, { starts, ends }) => {
  const at = starts[i]!
  if (ends[i]! - at > 4) return -1
  EU_STREET_AFTER.lastIndex = ends[i]!
  if (EU_STREET_AFTER.test(text)) return at
  // the first street word starting in the 60 characters before the number
  const words = streetWordsOf(text)
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (words[mid]! < at - 60) lo = mid + 1
    else hi = mid
  }
  return lo < words.length && words[lo]! < at ? words[lo]! : -1
}

/** Up to 220 characters of places before a street word, but never across ":", ";", "!" or "?". */
function ruWindows(text: string): Range[] {
  const out: Range[] = []
  for (const m of text.matchAll(RU_STREET_CUE)) {
    // no further back than the last window: the two merge anyway (and hostile input stays linear)
    const floor = Math.max(0, m.index - 220, out.at(-1)?.end ?? 0)
    let start = m.index
    while (start > floor && !PLACE_STOP.has(text[start - 1]!)) start--
    addWindow(out, text.length, start, m.index + m[0].length + 140)
  }
  return out
}
const PLACE_STOP = new Set([':', ';', '!', '?'])

const CANDIDATES: [RegExp, (text: string) => Range[]][] = [
  [RU_ADDRESS, ruWindows],
  [EN_ADDRESS, (text) => digitWindows(text, enAnchor, 24, 163)],
  [RU_LATIN_ADDRESS, (text) => digitWindows(text, ruLatinAnchor, 120, 81)],
  [DE_ADDRESS, (text) => digitWindows(text, deAnchor, 40, 31)],
  [EU_ADDRESS, (text) => digitWindows(text, euAnchor, 60, 70)],
  [MILITARY_ADDRESS, (text) => digitWindows(text, militaryAnchor, 12, 26)],
  [EU_NUMBER_FIRST, (text) => digitWindows(text, euAnchor, 1, 160)],
]

// Said of a business's own premises: "ждём вас по новому адресу", "visit our showroom at".
const BUSINESS_CUE =
  /(?:наш(?:ему|его|ем)?|ждём вас|ждем вас|приходите|магазин\p{L}*|шоурум\p{L}*|офис\p{L}*|салон\p{L}*|студи\p{L}+|кафе|ресторан\p{L}*|склад\p{L}*|пункт\p{L}* выдачи|юридический адрес|юр\.\s?адрес|our|visit us|find us|we(?:'re| are) (?:at|on)|located at|showroom|store|registered (?:office|address)|head office)[^.!?\n]{0,40}$/iu

// A European address ends its line, clause or field (two spaces), or goes on with a flat or a
// postcode: "Via Email 24 hours a day" and "Support Via Chat 24/7" are copy, not addresses.
const EU_END = /^(?:\s*$|\s*[\n,.;)]|\s{2,}|\s+(?:Apt|Suite|Unit|bus|app|piso|int)\b|\s\d{4,5}\s)/
const endsLikeAddress = (text: string, m: { value: string; end: number }) =>
  !/\d\/7$/.test(m.value) && EU_END.test(text.slice(m.end, m.end + 8))

export const address: PiiDetector = (text) => {
  const out: PiiFinding[] = []
  for (const [re, ranges] of CANDIDATES) {
    for (const m of matchesIn(text, re, ranges(text))) {
      if ((re === EU_ADDRESS || re === EU_NUMBER_FIRST) && !endsLikeAddress(text, m)) continue
      const value = m.value.replace(/[\s,.]+$/u, '')
      const business = BUSINESS_CUE.test(text.slice(Math.max(0, m.start - 60), m.start))
      out.push({
        type: 'ADDRESS',
        start: m.start,
        end: m.start + value.length,
        detector: 'address',
        confidence: 0.85,
        ...(business ? { company: true } : {}),
      })
    }
  }
  return out
}
