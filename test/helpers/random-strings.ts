/** A small deterministic generator of strings over an alphabet of pieces: the same strings on every run. */
export function* randomStrings(n: number, alphabet: readonly string[], maxLength = 40, seed = 42): Generator<string> {
  let s = seed
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
  for (let k = 0; k < n; k++) {
    let out = ''
    const len = 1 + Math.floor(next() * maxLength)
    for (let i = 0; i < len; i++) out += alphabet[Math.floor(next() * alphabet.length)]
    yield out
  }
}
