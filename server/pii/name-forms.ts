// Russian declension of given names and surnames: every case form of a dictionary entry, so
// "Ивановой Марии" and "с Петром Сидоровым" are recognised from "Мария", "Пётр" and the
// surname suffixes. Rule-based (the paradigms are regular); no model, no download.
import fs from 'node:fs'
import path from 'node:path'

const NAMES_DIR = path.join(import.meta.dirname, 'names')

export function readList(file: string): string[] {
  const full = path.join(NAMES_DIR, file)
  if (!fs.existsSync(full)) throw new Error(`personal-data guard: missing name list ${path.relative(process.cwd(), full)}`)
  return fs
    .readFileSync(full, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}

const HUSHING = /[гкхжшщч]$/

/** Case forms of a Russian given name (nominative included), lower-cased, ё folded to е. */
export function givenNameForms(nominative: string, sex: 'm' | 'f' | 'any'): string[] {
  const n = fold(nominative)
  const stem = n.slice(0, -1)
  if (n.endsWith('ия')) return [n, `${stem}и`, `${stem}ю`, `${stem}ей`, `${stem}ею`]
  if (n.endsWith('ья')) return [n, `${stem}и`, `${stem}е`, `${stem}ю`, `${stem}ей`, `${stem}ею`]
  if (n.endsWith('я')) return [n, `${stem}и`, `${stem}е`, `${stem}ю`, `${stem}ей`, `${stem}ею`]
  if (n.endsWith('а')) return [n, stem + (HUSHING.test(stem) ? 'и' : 'ы'), `${stem}е`, `${stem}у`, `${stem}ой`, `${stem}ою`, `${stem}ей`]
  if (n.endsWith('й')) return [n, `${stem}я`, `${stem}ю`, `${stem}ем`, `${stem}е`]
  if (n.endsWith('ь')) return sex === 'f' ? [n, `${stem}и`, `${n}ю`] : [n, `${stem}я`, `${stem}ю`, `${stem}ем`, `${stem}е`]
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(n)) {
    // Пётр -> Петра (the fleeting vowel), Лев -> Льва
    const fleeting = n === 'петр' ? 'петр' : n === 'лев' ? 'льв' : n === 'павел' ? 'павл' : n
    return [n, ...['а', 'у', 'ом', 'е', 'ем'].map((e) => fleeting + e)]
  }
  return [n]
}

/** Case forms of a surname from the dictionary of irregular ones (Шевчук, Бондаренко, Ким). */
export function surnameForms(nominative: string): string[] {
  const n = fold(nominative)
  // -енко, -ых, -их, -аго, vowel-final foreign surnames: indeclinable
  if (/(?:ко|ых|их|аго|яго|[оеиуэюы])$/.test(n)) return [n]
  if (n.endsWith('а')) return givenNameForms(n, 'f')
  if (n.endsWith('ь') || n.endsWith('й')) return givenNameForms(n, 'm')
  // consonant-final: the man's forms decline; the woman's stay as they are
  return [n, ...['а', 'у', 'ом', 'е', 'ем'].map((e) => n + e)]
}

export const fold = (s: string) => {
  const lower = s.toLowerCase()
  return lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower
}

/** A regular Russian surname by its suffix, any case and sex: Петров, Петровой, Сидоровым, Римского. */
export const RU_SURNAME_SUFFIX = /(?:ов|ев|ин|ын)(?:а|у|ым|ом|е|ой|ою|ы|ых|ыми)?$|(?:ск|цк)(?:ий|ая|ого|ому|им|ом|ой|ую|ие|их|ими)$/

/** A Russian patronymic in any case: Сергеевич, Игоревне, Ильича, Ринатовне. */
export const RU_PATRONYMIC = /(?:ович|евич|ьич|ич)(?:а|у|ем|ом|е)?$|(?:овн|евн|ичн|иничн)(?:а|ы|е|у|ой|ою)$/
