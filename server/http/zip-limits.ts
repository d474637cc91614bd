// An uploaded zip (an XLSX) inflated once, entry by entry, into nothing: the bytes are counted
// and handed to an optional scanner, then dropped, so refusing a bomb costs a few 16 KB chunks
// rather than the gigabytes it would inflate to. Only an archive that passes is given to a
// parser that holds it all in memory.
import zlib from 'node:zlib'
import { refuse } from '../refusals'
import { zipEntries, type ZipEntry } from './zip-directory'

export type ZipLimits = {
  /** All entries together, inflated. */
  maxInflatedBytes: number
  maxEntries: number
  /** Inflated : compressed so far, checked once an entry passes `ratioFloorBytes` (tiny parts compress absurdly and cost nothing). */
  maxRatio: number
  ratioFloorBytes: number
}

/** Sees each entry's inflated bytes as they stream; throws (an AppError) to stop. */
export type EntryScanner = (entry: ZipEntry) => { push(chunk: Buffer): void; end(): void } | null

const MB = 1024 * 1024
const mb = (n: number) => Math.round(n / MB)
// names and magic numbers of archives: a zip inside the zip is the recursive bomb
const NESTED_NAME = /\.(?:zip|jar|xlsx|xlsm|xlsb|docx|pptx|ods|odt|gz|tgz|bz2|xz|7z|rar)$/i
const nestedMagic = (b: Buffer) => (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) || (b[0] === 0x1f && b[1] === 0x8b)

/**
 * Refuses, before any real parser sees it, an archive whose entries (by their declared sizes
 * and then by the bytes they really inflate to) pass the limits: 413 for size, 422 for a
 * malformed or bomb-shaped archive. Every message names the limit.
 */
export async function checkZip(bytes: Uint8Array, limits: ZipLimits, scan: EntryScanner = () => null): Promise<void> {
  const entries = zipEntries(bytes, limits.maxEntries)
  const declared = entries.reduce((n, e) => n + e.declaredSize, 0)
  if (declared > limits.maxInflatedBytes) throw refuse('upload.inflates_to', { size: mb(declared), limit: mb(limits.maxInflatedBytes) })
  let total = 0
  for (const e of entries) {
    if (NESTED_NAME.test(e.name)) throw refuse('upload.nested_archive', { name: e.name })
    const scanner = scan(e)
    let inflated = 0
    await inflate(bytes.subarray(e.dataStart, e.dataEnd), e.method, (chunk, consumed) => {
      if (inflated === 0 && nestedMagic(chunk)) throw refuse('upload.entry_is_archive', { name: e.name })
      inflated += chunk.length
      total += chunk.length
      if (total > limits.maxInflatedBytes) throw refuse('upload.inflates_past', { limit: mb(limits.maxInflatedBytes) })
      if (inflated > e.declaredSize) throw refuse('upload.size_lie', { name: e.name, size: e.declaredSize })
      // against the compressed bytes read so far, not the entry's whole size: a bomb padded with
      // incompressible bytes after its payload is caught at the start, not a gigabyte in
      if (inflated > limits.ratioFloorBytes && inflated / Math.max(1, consumed) > limits.maxRatio) {
        throw refuse('upload.ratio', { name: e.name, ratio: limits.maxRatio })
      }
      scanner?.push(chunk)
    })
    scanner?.end()
  }
}

/**
 * Streams one entry through zlib, calling `onChunk` per output chunk with the compressed bytes
 * consumed so far; a throw from it stops zlib at once.
 */
function inflate(data: Uint8Array, method: number, onChunk: (chunk: Buffer, consumed: number) => void): Promise<void> {
  if (method === 0) {
    for (let p = 0; p < data.byteLength; p += 64 * 1024) {
      const n = Math.min(64 * 1024, data.byteLength - p)
      onChunk(Buffer.from(data.buffer, data.byteOffset + p, n), p + n)
    }
    return Promise.resolve()
  }
  return new Promise((resolve, reject) => {
    const z = zlib.createInflateRaw()
    z.on('data', (chunk: Buffer) => {
      try {
        onChunk(chunk, z.bytesWritten)
      } catch (err) {
        z.destroy()
        reject(err)
      }
    })
    z.on('error', (err) => reject(refuse('upload.unreadable_archive', { detail: err.message })))
    z.on('end', resolve)
    z.end(data)
  })
}
