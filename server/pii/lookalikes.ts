// Identifiers written with a look-alike letter: "8-987-0З1-77-26" (Cyrillic З for 3), "+7 9l6"
// (l for 1), "ivan.petrоv@mail.ru" (a Cyrillic о in a Latin address). The structured detectors
// run on a copy where such a letter becomes what it stands for. Every replacement is one UTF-16
// unit for one, so every offset found in the copy points at the same characters in the text.

import { digitRunWindows } from './digits'
import { isLocalChar } from './structured'

// Letters that stand for a digit, and only when a digit is next to them (through one separator).
const AS_DIGIT: Record<string, string> = { O: '0', o: '0', О: '0', о: '0', З: '3', з: '3', l: '1', I: '1', '|': '1', б: '6' }
// Cyrillic letters that look like Latin ones, inside an e-mail address.
const AS_LATIN: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  к: 'k',
  м: 'm',
  т: 't',
  н: 'h',
  і: 'i',
  ј: 'j',
}

/** AS_DIGIT by char code: the loop below reads codes, not one-character strings. */
const AS_DIGIT_CODE = new Map(Object.entries(AS_DIGIT).map(([letter, digit]) => [letter.charCodeAt(0), digit]))

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'
const SEP = ' -().'

/** A digit at `i`, or one separator and then a digit, in direction `step`. */
function digitNear(text: string, i: number, step: 1 | -1): boolean {
  const c = text[i]
  if (isDigit(c)) return true
  return c !== undefined && SEP.includes(c) && isDigit(text[i + step])
}

/** The text with look-alike letters turned into the digits (or Latin letters) they stand for; null when there are none. */
export function foldLookalikes(text: string): string | null {
  const swaps: [number, string][] = []
  // only beside the runs of digits an identifier is made of (digits are sparse in prose)
  for (const w of digitRunWindows(text, 2)) {
    for (let i = w.start; i < w.end; i++) {
      const digit = AS_DIGIT_CODE.get(text.charCodeAt(i))
      // a look-alike between digits, or a digit on one side and another digit beyond a separator
      if (digit !== undefined && digitNear(text, i - 1, -1) && digitNear(text, i + 1, 1)) swaps.push([i, digit])
    }
  }
  // e-mail addresses: a Cyrillic look-alike inside an otherwise Latin address
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let a = at
    while (a > 0 && isLocalChar(text.charCodeAt(a - 1))) a--
    let b = at + 1
    while (b < text.length && /[\p{L}\p{N}.-]/u.test(text[b]!)) b++
    const address = text.slice(a, b)
    if (!/[a-z]/i.test(address) || !/[а-яі]/i.test(address)) continue
    for (let i = a; i < b; i++) {
      const latin = AS_LATIN[text[i]!]
      if (latin) swaps.push([i, latin])
    }
  }
  if (swaps.length === 0) return null
  swaps.sort((x, y) => x[0] - y[0])
  let out = ''
  let from = 0
  for (const [i, c] of swaps) {
    out += text.slice(from, i) + c
    from = i + 1
  }
  return out + text.slice(from)
}
