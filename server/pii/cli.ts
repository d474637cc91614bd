import fs from 'node:fs'
import { Placeholders } from './redact'
import { scanPii } from './scan'

type Io = { out: (s: string) => void; err: (s: string) => void }

function read(file: string, io: Io): string | null {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (err) {
    io.err(`copydesk pii: ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`)
    return null
  }
}

/** `copydesk pii scan FILE...`: one JSON line per file, in argument order; exit 1 if a file could not be read. */
export function piiScan(files: string[], io: Io): number {
  if (files.length === 0) {
    io.err('copydesk pii scan: name at least one file')
    return 2
  }
  let code = 0
  for (const file of files) {
    const text = read(file, io)
    if (text === null) {
      io.out(JSON.stringify({ file, error: 'unreadable' }))
      code = 1
      continue
    }
    io.out(JSON.stringify({ file, findings: scanPii(text).map(({ type, start, end }) => ({ type, start, end })) }))
  }
  return code
}

/** `copydesk pii redact FILE`: the text with placeholders numbered by first occurrence, on stdout. */
export function piiRedact(files: string[], io: Io & { write?: (s: string) => void }): number {
  if (files.length !== 1) {
    io.err('copydesk pii redact: name exactly one file')
    return 2
  }
  const text = read(files[0]!, io)
  if (text === null) return 1
  const redacted = new Placeholders().apply(text, scanPii(text))
  ;(io.write ?? ((s: string) => process.stdout.write(s)))(redacted)
  return 0
}
