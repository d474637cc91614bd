/**
 * PostgreSQL's Russian Snowball stemmer strips endings but knows nothing of fleeting vowels:
 * "окна" stems to окн, "окон" stays окон, "кошка" -> кошк but "кошек" -> кошек. So the query side
 * adds the other form of the last syllable as an alternative lexeme. It can only add matches of
 * the same word (or a non-word that no text has), and ranking still favours the exact stem.
 */
const CONSONANTS = 'бвгджзклмнпрстфхцчшщ'
const VOWELS = 'аеёиоуыэюя'
const isConsonant = (c: string | undefined) => c !== undefined && CONSONANTS.includes(c)

/** Stems of the same word with the fleeting vowel of the last syllable dropped or restored. */
export function fleetingVowelVariants(stem: string): string[] {
  if (!/^[а-яё]{2,}$/.test(stem)) return []
  const last = stem.at(-1)!
  const prev = stem.at(-2)!
  const head = stem.slice(0, -2)
  if (!isConsonant(last)) return []
  // окн -> окон, кошк -> кошек, сестр -> сестер (ё is е in the index)
  if (isConsonant(prev)) return [`${head}${prev}о${last}`, `${head}${prev}е${last}`]
  // письм -> писем, бойц -> боец
  if (prev === 'ь' || prev === 'й') return head ? [`${head}е${last}`] : []
  if ((prev === 'о' || prev === 'е') && head) {
    const before = head.at(-1)!
    // окон -> окн, кошек -> кошк, писем -> письм
    if (isConsonant(before)) return [`${head}${last}`, `${head}ь${last}`]
    // боец -> бойц
    if (VOWELS.includes(before)) return [`${head}й${last}`]
  }
  return []
}

/**
 * Rewrites the text form of a tsquery (what websearch_to_tsquery('russian', …)::text prints):
 * each Cyrillic lexeme becomes a group of it and its variants. Lexemes are quoted there, and
 * Cyrillic ones need no escaping, so only those are touched.
 */
export function withFleetingVowels(tsquery: string): string {
  return tsquery.replace(/'([а-яё]+)'/g, (whole, stem: string) => {
    const variants = fleetingVowelVariants(stem)
    return variants.length ? `( ${[whole, ...variants.map((v) => `'${v}'`)].join(' | ')} )` : whole
  })
}
