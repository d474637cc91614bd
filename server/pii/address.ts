// Postal addresses with a house number, Russian and English (and the German "-straße 12"
// spelling). A street without a number ("доставка по Москве", "coffee on Baker Street") is
// not an address. Bounded repetitions only: no backtracking blow-up on long inputs.
import type { PiiDetector, PiiFinding } from './types'
import { addWindow, digitWindows, isLatinAt, isUpperLatinAt, type DigitAnchor } from './digits'
import { matchesIn, type Range } from './windows'

const W = '\\p{Lu}[\\p{L}ё-]*'
// Russian: [postcode, region, city, …] street house [, building / flat / office …]
const RU_STREET_TYPE = '(?:ул\\.|улица|пр-т|пр-кт|просп\\.|проспект|пр\\.|пер\\.|переулок|ш\\.|шоссе|наб\\.|набережная|б-р|бульвар|пл\\.|площадь|проезд|мкр\\.?|микрорайон|аллея|тракт|линия)'
const RU_PLACE = `(?:\\d{6}(?:,\\s?${W}(?:[\\s-]${W})?)?|${W}(?:ая|ий|ой)?\\s(?:обл\\.|область|край|респ\\.|республика|р-н|район)|(?:г\\.|город|пос\\.|посёлок|пгт|с\\.|дер\\.|д\\.)\\s?${W}(?:[\\s-]${W})?)`
const RU_STREET = `(?:${RU_STREET_TYPE}\\s?(?:\\d{1,2}-я\\s|реки\\s|канала\\s|им\\.\\s)?${W}(?:\\s${W})?|${W}\\s${RU_STREET_TYPE})`
const RU_HOUSE = '(?:,\\s?|\\s)(?:(?:д\\.|дом)\\s?)?\\d{1,4}(?:[а-яa-z](?![\\p{L}]))?(?:[/-]\\d{1,4})?'
const RU_EXTRA = '(?:,\\s?(?:(?:корп\\.|корпус|к\\.|стр\\.|строение|кв\\.|квартира|оф\\.|офис|пом\\.|помещение|эт\\.|этаж)\\s?\\d{1,4}(?:-?[а-яА-Яa-zA-Z])?|лит\\.\\s?[А-Я]))'
const RU_ADDRESS = new RegExp(`(?<![\\p{L}\\p{N}])(?:${RU_PLACE},\\s?){0,4}${RU_STREET}${RU_HOUSE}${RU_EXTRA}{0,4}`, 'gu')

// English: [Unit 5, ] number street-name street-type [, Apt 4B][, City][, ST 12345 | UK postcode]
const EN_STREET_TYPE = '(?:Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Ln\\.?|Drive|Dr\\.?|Boulevard|Blvd\\.?|Parkway|Pkwy\\.?|Way|Court|Ct\\.?|Place|Pl\\.?|Square|Sq\\.?|Terrace|Close|Crescent|Highway|Hwy\\.?|Row|Gardens|Mews|Walk|Grove|Circle|Trail)'
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
const DE_ADDRESS = /(?<![\p{L}\p{N}])\p{Lu}\p{L}+(?:straße|strasse|weg|platz|allee|gasse|ring|damm)\s\d{1,4}[a-z]?(?:,\s\d{5}\s\p{Lu}\p{L}+)?/gu

// Each pattern runs only around a cheap anchor (a street word, a house number before a capital),
// with windows reaching as far as the pattern can: places before a Russian street, city after.
// The anchors next to a house number come from the one shared pass over the digits.
const RU_STREET_CUE = /ул\.|улиц|пр-т|пр-кт|просп|пр\.|пер\.|переул|ш\.|шоссе|наб\.|набережн|б-р|бульвар|пл\.|площад|проезд|мкр|микрорайон|аллея|тракт|линия/g
// "12 Baker", "221B Baker": up to five digits, a letter maybe, a space, a capital
const enAnchor: DigitAnchor = (text, i, { starts, ends }) => {
  let k = ends[i]!
  if (isLatinAt(text, k)) k++
  return text[k] === ' ' && isUpperLatinAt(text, k + 1) ? Math.max(starts[i]!, ends[i]! - 5) : -1
}
// "Aptekarsky Prospekt, 6" and "Hauptstraße 5": the street word right before the number
const RU_LATIN_STREET = /(?:Prospekt|Ulitsa|ul\.|Pereulok|Shosse|Naberezhnaya|Bulvar|Street|Avenue)$/
const DE_STREET = /(?:straße|strasse|weg|platz|allee|gasse|ring|damm)$/
const streetBefore = (re: RegExp, gap: string, longest: number): DigitAnchor => (text, i, { starts }) => {
  const at = starts[i]! - gap.length
  if (text.slice(at, starts[i]!) !== gap) return -1
  const word = re.exec(text.slice(Math.max(0, at - longest), at))
  return word ? at - word[0].length : -1
}
const ruLatinAnchor = streetBefore(RU_LATIN_STREET, ', ', 12)
const deAnchor = streetBefore(DE_STREET, ' ', 7)

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
]

// Said of a business's own premises: "ждём вас по новому адресу", "visit our showroom at".
const BUSINESS_CUE = /(?:наш(?:ему|его|ем)?|ждём вас|ждем вас|приходите|магазин\p{L}*|шоурум\p{L}*|офис\p{L}*|салон\p{L}*|студи\p{L}+|кафе|ресторан\p{L}*|склад\p{L}*|пункт\p{L}* выдачи|юридический адрес|юр\.\s?адрес|our|visit us|find us|we(?:'re| are) (?:at|on)|located at|showroom|store|registered (?:office|address)|head office)[^.!?\n]{0,40}$/iu

export const address: PiiDetector = (text) => {
  const out: PiiFinding[] = []
  for (const [re, ranges] of CANDIDATES) {
    for (const m of matchesIn(text, re, ranges(text))) {
      const value = m.value.replace(/[\s,]+$/u, '')
      const business = BUSINESS_CUE.test(text.slice(Math.max(0, m.start - 60), m.start))
      out.push({ type: 'ADDRESS', start: m.start, end: m.start + value.length, detector: 'address', confidence: 0.85, ...(business ? { company: true } : {}) })
    }
  }
  return out
}
