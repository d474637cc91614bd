// The entries of a zip archive as its central directory lists them, each checked against its
// local header. Nothing is inflated here: this only says where each entry's bytes are, so the
// caller can inflate them with a cap (zip-limits.ts). Read by hand rather than with a library
// because we need the untrusted numbers themselves (declared sizes, offsets) to refuse on.
import { refuse } from '../refusals'

export type ZipEntry = {
  name: string
  /** 0 stored, 8 deflated; anything else is refused. */
  method: number
  compressedSize: number
  /** As declared: a bomb may lie, so the inflater counts the real bytes too. */
  declaredSize: number
  /** Where the entry's local header starts, and its compressed bytes start and end, in the archive. */
  headerStart: number
  dataStart: number
  dataEnd: number
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const MAX_COMMENT = 0xffff

const malformed = (detail: string) => refuse('upload.unreadable_archive', { detail })

/** Little-endian reads that refuse to run past the end instead of reading garbage. */
function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = (p: number, n: number) => {
    if (p < 0 || p + n > bytes.byteLength) throw malformed('a record points past the end of the file')
    return p
  }
  return {
    u16: (p: number) => view.getUint16(at(p, 2), true),
    u32: (p: number) => view.getUint32(at(p, 4), true),
    // zip64 fields are 64-bit; anything past 2^53 is nonsense for a 10 MB upload anyway
    u64: (p: number) => Number(view.getBigUint64(at(p, 8), true)),
  }
}

/** The central directory's position and entry count, zip64 or not. */
function directory(bytes: Uint8Array) {
  const r = reader(bytes)
  let end = -1
  for (let p = bytes.byteLength - 22; p >= Math.max(0, bytes.byteLength - 22 - MAX_COMMENT); p--) {
    if (r.u32(p) === EOCD && p + 22 + r.u16(p + 20) <= bytes.byteLength) {
      end = p
      break
    }
  }
  if (end < 0) throw malformed('no end-of-directory record')
  if (r.u16(end + 4) !== 0 || r.u16(end + 6) !== 0) throw malformed('multi-part archives are not accepted')
  let count = r.u16(end + 10)
  let size = r.u32(end + 12)
  let offset = r.u32(end + 16)
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20
    if (locator < 0 || r.u32(locator) !== ZIP64_LOCATOR) throw malformed('a zip64 archive without its locator')
    const z = r.u64(locator + 8)
    if (r.u32(z) !== ZIP64_EOCD) throw malformed('a zip64 archive without its directory record')
    ;[count, size, offset] = [r.u64(z + 32), r.u64(z + 40), r.u64(z + 48)]
  }
  if (offset + size > end) throw malformed('the directory overlaps its own end record')
  return { count, offset, size }
}

/** Values the 32-bit fields left as 0xffffffff, from the zip64 extra field (id 1), in the order the format fixes. */
function zip64Extra(r: ReturnType<typeof reader>, from: number, length: number, wanted: ('size' | 'compressed' | 'offset')[]) {
  const out: Partial<Record<'size' | 'compressed' | 'offset', number>> = {}
  for (let p = from; p + 4 <= from + length; p += 4 + r.u16(p + 2)) {
    if (r.u16(p) !== 1) continue
    wanted.forEach((k, i) => (out[k] = r.u64(p + 4 + 8 * i)))
  }
  return out
}

/**
 * Every entry, refused as malformed when one is encrypted, uses a method other than stored or
 * deflate, appears twice, points outside the file or shares bytes with another (the
 * overlapping-entries bomb, where many names inflate one compressed stream).
 */
export function zipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const r = reader(bytes)
  const { count, offset, size } = directory(bytes)
  if (count > maxEntries) throw refuse('upload.too_many_entries', { count, limit: maxEntries })
  const entries: ZipEntry[] = []
  const names = new Set<string>()
  let p = offset
  for (let i = 0; i < count; i++) {
    if (r.u32(p) !== CENTRAL) throw malformed(`directory entry ${i + 1} is damaged`)
    const flags = r.u16(p + 8)
    const method = r.u16(p + 10)
    const [nameLength, extraLength, commentLength] = [r.u16(p + 28), r.u16(p + 30), r.u16(p + 32)]
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength))
    let compressedSize = r.u32(p + 20)
    let declaredSize = r.u32(p + 24)
    let local = r.u32(p + 42)
    const wanted = (
      [
        ['size', declaredSize],
        ['compressed', compressedSize],
        ['offset', local],
      ] as const
    )
      .filter(([, v]) => v === 0xffffffff)
      .map(([k]) => k)
    if (wanted.length) {
      const x = zip64Extra(r, p + 46 + nameLength, extraLength, [...wanted])
      ;[declaredSize, compressedSize, local] = [x.size ?? declaredSize, x.compressed ?? compressedSize, x.offset ?? local]
    }
    if (flags & 1) throw malformed(`"${name}" is encrypted`)
    if (method !== 0 && method !== 8) throw malformed(`"${name}" uses compression method ${method}; only stored and deflate are read`)
    if (names.has(name)) throw malformed(`"${name}" appears twice`)
    names.add(name)
    if (r.u32(local) !== LOCAL) throw malformed(`"${name}" has no local header where the directory says`)
    const dataStart = local + 30 + r.u16(local + 26) + r.u16(local + 28)
    const dataEnd = dataStart + compressedSize
    if (dataEnd > offset) throw malformed(`"${name}" runs into the directory`)
    entries.push({ name, method, compressedSize, declaredSize, headerStart: local, dataStart, dataEnd })
    p += 46 + nameLength + extraLength + commentLength
  }
  if (p > offset + size) throw malformed('the directory is longer than it says')
  const byStart = [...entries].sort((a, b) => a.headerStart - b.headerStart)
  byStart.forEach((e, i) => {
    const next = byStart[i + 1]
    // the next local header starts after this entry's data (and its data descriptor, if any)
    if (next && e.dataEnd > next.headerStart) throw malformed(`"${e.name}" and "${next.name}" share bytes`)
  })
  return entries
}
