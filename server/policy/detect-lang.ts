import type { Lang } from '../../contracts/briefs'

/** Russian when Cyrillic letters outnumber Latin ones in the brief's prose. */
export function detectLang(...texts: string[]): Lang {
  let cyr = 0
  let lat = 0
  // a char-code walk: two global Unicode-property matches allocated an array per letter
  for (const s of texts) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if ((c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451 || (c >= 0x400 && c <= 0x4ff)) cyr++
      else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) lat++
    }
  }
  return cyr >= lat && cyr > 0 ? 'ru' : 'en'
}
