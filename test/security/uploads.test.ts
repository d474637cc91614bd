// Uploads that cannot hurt: a keyword export is refused, cheaply and with the limit named, when
// it is a zip bomb (honest or lying about its sizes, nested, overlapping, thousands of entries)
// or simply too big; three bombs at once leave the process standing; real exports still import.
// The bombs are built here, at test time, with node:zlib (the inflater the guard uses).
import { Hono } from 'hono'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../server/errors'
import { concurrencyLimit } from '../../server/http/concurrency-limit'
import { testTargets } from '../helpers/databases'
import { makeHarness, type Harness } from '../helpers/harness'
import writeExcelFile from 'write-excel-file/node'

type Part = { name: string; data: Uint8Array } | { name: string; deflated: Buffer; size: number; crc: number; declare?: number }

/** A minimal zip writer: `declare` writes a size other than the real one (the lie a bomb tells). */
function zip(parts: Part[], patch?: (central: Buffer[], i: number) => void): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  parts.forEach((p, i) => {
    const name = Buffer.from(p.name)
    const body = 'data' in p ? zlib.deflateRawSync(p.data, { level: 9 }) : p.deflated
    const size = 'data' in p ? p.data.byteLength : (p.declare ?? p.size)
    const crc = 'data' in p ? zlib.crc32(p.data) : p.crc
    const header = (sig: number, len: number, at: { crc: number; sizes: number; name: number }) => {
      const b = Buffer.alloc(len)
      b.writeUInt32LE(sig, 0)
      b.writeUInt32LE(crc >>> 0, at.crc)
      b.writeUInt32LE(body.length, at.sizes)
      b.writeUInt32LE(size, at.sizes + 4)
      b.writeUInt16LE(name.length, at.name)
      return b
    }
    const local = header(0x04034b50, 30, { crc: 14, sizes: 18, name: 26 })
    local.writeUInt16LE(8, 8)
    const central = header(0x02014b50, 46, { crc: 16, sizes: 20, name: 28 })
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    patch?.(centrals, i)
    offset += 30 + name.length + body.length
  })
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, cd, end]))
}

/**
 * deflate(head + body×times + tail) at level 9 without deflating gigabytes: each copy of the body
 * is a sync-flushed segment of its own, and the segments concatenate into one valid stream.
 */
function repeated(head: string, body: string, times: number, tail: string) {
  const seg = (s: string) => zlib.deflateRawSync(Buffer.from(s), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH })
  const b = Buffer.from(body)
  let crc = zlib.crc32(head)
  for (let i = 0; i < times; i++) crc = zlib.crc32(b, crc)
  const one = seg(body)
  return {
    deflated: Buffer.concat([seg(head), ...Array<Buffer>(times).fill(one), zlib.deflateRawSync(Buffer.from(tail), { level: 9 })]),
    size: head.length + b.length * times + tail.length,
    crc: zlib.crc32(tail, crc),
  }
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships'
const OD = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const parts = (sheet: Omit<Extract<Part, { deflated: Buffer }>, 'name'>): Part[] => [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
  },
  {
    name: '_rels/.rels',
    data: Buffer.from(
      `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${OD}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
  },
  {
    name: 'xl/workbook.xml',
    data: Buffer.from(`<workbook xmlns="${NS}" xmlns:r="${OD}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: Buffer.from(
      `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${OD}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  },
  { name: 'xl/worksheets/sheet1.xml', ...sheet },
]

/** An XLSX whose sheet is exactly this XML, stored as deflate. */
const small = (sheetXml: string) => {
  const b = Buffer.from(sheetXml)
  return zip(parts({ deflated: zlib.deflateRawSync(b), size: b.length, crc: zlib.crc32(b) }))
}

const ROW = '<row><c t="inlineStr"><is><t>buy plastic windows cheap</t></is></c><c><v>1000</v></c></row>'
/** An XLSX whose sheet inflates to about `mib` MiB of identical rows; `declare` makes it lie about that. */
function bomb(mib: number, declare?: number): Uint8Array {
  const chunk = ROW.repeat(Math.ceil((1024 * 1024) / ROW.length))
  const sheet = repeated(`<worksheet xmlns="${NS}"><sheetData>`, chunk, mib, '</sheetData></worksheet>')
  return zip(parts({ ...sheet, declare }))
}

const MB = 1024 * 1024
const [target] = await testTargets() // the guard runs before any SQL: one database is enough

describe('uploads that cannot hurt', () => {
  let h: Harness
  let writer: Awaited<ReturnType<Harness['as']>>
  beforeAll(async () => {
    h = await makeHarness(target!)
    writer = await h.as('writer')
  })
  afterAll(async () => h?.close())

  const upload = async (bytes: Uint8Array) => {
    const r = await writer.bytes('POST', '/api/seo/import', bytes)
    return { status: r.status, body: JSON.parse(new TextDecoder().decode(r.bytes)) }
  }
  /** The reply and how far the process's resident memory grew (the parsing thread's included). Time is the bench's. */
  const measured = async <T>(work: () => Promise<T>) => {
    const rss = process.memoryUsage().rss
    const result = await work()
    return { result, grewMb: (process.memoryUsage().rss - rss) / MB }
  }

  it('a 1.5 GiB bomb that declares its size: 413 before anything is inflated', async () => {
    const b = bomb(1536)
    expect(b.byteLength).toBeLessThan(10 * MB)
    const { result, grewMb } = await measured(() => upload(b))
    expect(result.status).toBe(413)
    expect(result.body).toMatchObject({
      code: 'payload_too_large',
      message: expect.stringMatching(/inflates to 15\d\d MB; the limit is 64 MB inflated/),
    })
    expect(grewMb).toBeLessThan(200)
  })

  it('the same bomb lying about its size: 422 while streaming, past 2 KB declared or past 200:1 a megabyte in', async () => {
    const small = await measured(() => upload(bomb(1536, 2048)))
    expect(small.result).toMatchObject({
      status: 422,
      body: {
        code: 'unprocessable',
        message: '"xl/worksheets/sheet1.xml" declares 2048 bytes but inflates to more; the archive lies about its sizes',
      },
    })
    const plausible = await measured(() => upload(bomb(1536, 60 * MB)))
    expect(plausible.result).toMatchObject({
      status: 422,
      body: { message: '"xl/worksheets/sheet1.xml" inflates more than 200 times its compressed size; the limit is 200:1' },
    })
    for (const m of [small, plausible]) {
      expect(m.grewMb).toBeLessThan(200)
    }
  })

  it('a bomb under the ratio (65 MB of varied text): 413 by its declared size; lying about it, 422 while streaming', async () => {
    // 300 different strings repeated compress some 50:1, so the ratio alone would not stop this one
    const strings = Array.from({ length: 300 }, (_, i) => `<si><t>keyword ${(i * 7919) % 100_003} ${i.toString(36)}</t></si>`)
      .join('')
      .repeat(200)
    const ss = repeated('<sst>', strings, Math.ceil((65 * MB) / strings.length), '</sst>')
    const sheet = parts(repeated(`<worksheet xmlns="${NS}"><sheetData>`, ROW, 1, '</sheetData></worksheet>'))
    const honest = await upload(zip([...sheet, { name: 'xl/sharedStrings.xml', ...ss }]))
    expect(honest).toMatchObject({
      status: 413,
      body: { message: expect.stringMatching(/inflates to 65 MB; the limit is 64 MB inflated/) },
    })
    const { result, grewMb } = await measured(() => upload(zip([...sheet, { name: 'xl/sharedStrings.xml', ...ss, declare: 60 * MB }])))
    expect(result).toMatchObject({
      status: 422,
      body: { message: '"xl/sharedStrings.xml" declares 62914560 bytes but inflates to more; the archive lies about its sizes' },
    })
    expect(grewMb).toBeLessThan(200)
  })

  it('three bombs at once: all refused, the process stands, memory stays bounded', async () => {
    const bombs = [bomb(1536, 2048), bomb(1536, 2048), bomb(1536)]
    const { result, grewMb } = await measured(() => Promise.all(bombs.map(upload)))
    expect(result.map((r) => r.status)).toEqual([422, 422, 413])
    expect(grewMb).toBeLessThan(200)
    expect((await upload(new TextEncoder().encode('keyword\nwindows\n'))).status).toBe(200)
  })

  it('nested archives, overlapping entries, too many entries, not a zip: 422 naming why', async () => {
    const sheet = { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet xmlns="${NS}"><sheetData/></worksheet>`) }
    const nestedByName = await upload(zip([sheet, { name: 'xl/embeddings/inner.xlsx', data: Buffer.from('x') }]))
    expect(nestedByName).toMatchObject({ status: 422, body: { message: expect.stringMatching(/nested archives are not accepted/) } })
    const nestedByBytes = await upload(zip([sheet, { name: 'xl/media/image1.png', data: zip([sheet]) }]))
    expect(nestedByBytes).toMatchObject({
      status: 422,
      body: { message: expect.stringMatching(/"xl\/media\/image1\.png" is itself an archive/) },
    })
    // the overlapping bomb: a second name pointing at the first entry's bytes
    const overlapping = await upload(
      zip([sheet, { name: 'xl/worksheets/sheet2.xml', data: Buffer.from('y') }], (c, i) => i === 1 && c[2]!.writeUInt32LE(0, 42)),
    )
    expect(overlapping).toMatchObject({ status: 422, body: { message: expect.stringMatching(/share bytes/) } })
    const many = await upload(zip(Array.from({ length: 1001 }, (_, i) => ({ name: `xl/p${i}.xml`, data: Buffer.from('<a/>') }))))
    expect(many).toMatchObject({ status: 422, body: { message: 'the archive has 1001 entries; the limit is 1000' } })
    const truncated = await upload(zip([sheet]).subarray(0, 60))
    expect(truncated).toMatchObject({ status: 422, body: { message: expect.stringMatching(/no end-of-directory record/) } })
  })

  it('a sheet past 200,000 rows: 413, counted while inflating', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `<row r="${i}"><c t="inlineStr"><is><t>k${(i * 7919) % 100_003}</t></is></c></row>`)
      .join('')
      .repeat(10)
    const r = await upload(zip(parts(repeated(`<worksheet xmlns="${NS}"><sheetData>`, rows, 201, '</sheetData></worksheet>'))))
    expect(r).toMatchObject({ status: 413, body: { message: 'the sheet has more than 200,000 rows; the limit is 200,000' } })
  })

  it('CSV: past 200,000 rows, a keyword past 2,000 characters, any cell past 20,000: 413 naming the limit', async () => {
    const rows = await upload(new TextEncoder().encode(`keyword\n${Array.from({ length: 200_001 }, (_, i) => `k${i}`).join('\n')}\n`))
    expect(rows).toMatchObject({
      status: 413,
      body: { code: 'payload_too_large', message: 'the sheet has more than 200,000 rows; the limit is 200,000' },
    })
    const keyword = await upload(new TextEncoder().encode(`keyword,frequency\nwindows,10\n${'w'.repeat(2_001)},5\n`))
    expect(keyword).toMatchObject({ status: 413, body: { message: 'line 3: a keyword longer than 2,000 characters; the limit is 2,000' } })
    const cell = await upload(new TextEncoder().encode(`keyword,url\nwindows,"${'u'.repeat(20_001)}"\n`))
    expect(cell).toMatchObject({ status: 413, body: { message: 'line 2: a cell longer than 20,000 characters; the limit is 20,000' } })
    const big = await upload(new Uint8Array(10 * MB + 1).fill(0x61))
    expect(big).toMatchObject({ status: 413, body: { message: expect.stringMatching(/the limit is 10 MB/) } })
    // exactly at the cap still imports
    const atCap = await upload(new TextEncoder().encode(`keyword\n${Array.from({ length: 200_000 }, (_, i) => `k${i}`).join('\n')}\n`))
    expect(atCap).toMatchObject({ status: 200, body: { keywords: 200_000 } })
  })

  it('two cells far apart: a grid of billions for the reader, refused by its extent (413), however the address is hidden', async () => {
    const cell = (attrs: string) =>
      small(
        `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>keyword</t></is></c></row>` +
          `<row r="2"><c t="inlineStr"><is><t>windows</t></is></c><c ${attrs}><v>1</v></c></row></sheetData></worksheet>`,
      )
    for (const attrs of [
      'r="XFD1048576"', // the last cell of a sheet: 17 billion with the empty ones
      `foo='r="B2"' r="ZZ900000"`, // a decoy address quoted inside another attribute
      'foo=">" r="ZZ900000"', // a ">" inside a value, where a naive tag scan would stop
    ]) {
      const r = await upload(cell(attrs))
      expect(r, attrs).toMatchObject({
        status: 413,
        body: { message: expect.stringMatching(/^the sheet spans [\d,]+ rows × [\d,]+ columns/) },
      })
    }
    // a start tag that never closes is malformed (422), not carried on forever
    expect(await upload(small(`<worksheet xmlns="${NS}"><sheetData><row><c r="A1" x="${'a'.repeat(200_000)}`))).toMatchObject({
      status: 422,
      body: { message: 'the workbook is malformed: a tag of more than 4 KB' },
    })
    // rows without addresses count on from the last one
    const rows = `<row r="900000"/>${'<row><c t="inlineStr"><is><t>k</t></is></c><c/><c/><c/><c/></row>'.repeat(2)}`
    expect(await upload(small(`<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`))).toMatchObject({ status: 413 })
  })

  it('an XLSX at the cap, 200,000 rows, imports (the patched reader: unpatched it overflowed its stack, then took 90 s)', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`buy plastic windows ${i}`, (i * 7) % 5000, `https://site${i % 50}.ru/p/${i}`])
    const x = await upload(await writeExcelFile([['Keyword', 'Volume', 'URL 1'], ...rows]).toBuffer())
    expect(x).toMatchObject({ status: 200, body: { encoding: 'xlsx', keywords: 200_000, withUrls: true } })
  })

  it('a normal XLSX and CSV still import', async () => {
    const x = await upload(
      await writeExcelFile([
        ['Keyword', 'Volume', 'URL 1'],
        ['plastic windows', 12000, 'https://okna.ru/'],
        ['windows price', 300, null],
      ]).toBuffer(),
    )
    expect(x).toMatchObject({ status: 200, body: { encoding: 'xlsx', keywords: 2, withUrls: true } })
    const csv = await upload(new TextEncoder().encode('Запрос;Частотность\nпластиковые окна;12 000\n'))
    expect(csv).toMatchObject({ status: 200, body: { keywords: 1, encoding: 'utf-8' } })
  })
})

describe('at most two imports at once', () => {
  /** A route held open until released, behind the limiter as the import route uses it. */
  function heldApp(opts: { max: number; queue: number }) {
    const releases: (() => void)[] = []
    const app = new Hono()
      .onError((err, c) => (err instanceof AppError ? c.json({ code: err.code, message: err.message }, err.status) : c.text('boom', 500)))
      .post('/', concurrencyLimit({ ...opts, what: 'keyword imports' }), async (c) => {
        await new Promise<void>((r) => releases.push(r))
        return c.text('done')
      })
    return { app, releases }
  }
  const settle = () => new Promise((r) => setTimeout(r, 20))

  it('a third waits for a slot; past the queue the answer is 429 naming the limit', async () => {
    const { app, releases } = heldApp({ max: 2, queue: 1 })
    const replies = [0, 1, 2].map(() => app.request('/', { method: 'POST' }))
    await settle()
    expect(releases).toHaveLength(2) // two run, the third waits
    const refused = await app.request('/', { method: 'POST' })
    expect(refused.status).toBe(429)
    expect(await refused.json()).toEqual({
      code: 'too_many_requests',
      message: 'at most 2 keyword imports run at once and 1 wait; try again in a few seconds',
    })
    releases[0]!()
    await settle()
    expect(releases).toHaveLength(3) // the waiter took the freed slot
    releases[1]!()
    releases[2]!()
    expect((await Promise.all(replies)).map((r) => r.status)).toEqual([200, 200, 200])
    // all slots free again
    const again = app.request('/', { method: 'POST' })
    await settle()
    releases[3]!()
    expect((await again).status).toBe(200)
  })

  it('a failing request gives its slot back', async () => {
    const app = new Hono()
      .onError((err, c) => c.text(String(err), 500))
      .post('/', concurrencyLimit({ max: 1, queue: 0 }), () => {
        throw new Error('parse failed')
      })
    for (let i = 0; i < 3; i++) expect((await app.request('/', { method: 'POST' })).status).toBe(500)
  })
})
