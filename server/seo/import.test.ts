import writeExcelFile from 'write-excel-file/node'
import { describe, expect, it } from 'vitest'
import { decode, importKeywords, ImportError } from './import'

const utf8 = (s: string) => new TextEncoder().encode(s)
const cp1251 = (s: string) =>
  Uint8Array.from(
    [...s].map((c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c === 'ё' ? 0xb8 : c === 'Ё' ? 0xa8 : c.charCodeAt(0))),
  )

describe('keyword import', () => {
  it('reads a RU export with BOM and ";", finds the columns by header, reports bad rows by line', async () => {
    const csv =
      '\ufeffЗапрос;Частотность;URL\r\nпластиковые окна;12 000;"https://okna.ru/\nhttps://www.okna-msk.ru/ceny?utm_source=x"\r\n;50;\r\nокна цена;abc;\r\nПластиковые окна;7;\r\nокна rehau;340;okna.ru/rehau\r\n'
    const r = await importKeywords(utf8(csv))
    expect(r).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';' })
    expect(r.rows.map((x) => [x.keyword, x.frequency, x.urls.length, x.line])).toEqual([
      ['пластиковые окна', 12000, 2, 2],
      ['окна rehau', 340, 1, 7],
    ])
    expect(r.problems).toEqual([
      { line: 4, problem: 'empty_keyword', detail: 'no keyword in this row', params: {} },
      { line: 5, problem: 'bad_frequency', detail: '"abc" is not a number', params: { value: 'abc' } },
      {
        line: 6,
        problem: 'duplicate',
        detail: '"Пластиковые окна" is already on line 2',
        params: { keyword: 'Пластиковые окна', first: 2 },
      },
    ])
  })

  it('reads Windows-1251 with tabs and no URL columns', async () => {
    const r = await importKeywords(cp1251('Фраза\tЧастота\nкупить окна\t100\nремонт окон\t50\n'))
    expect(r).toMatchObject({ encoding: 'windows-1251', delimiter: '\t' })
    expect(r.rows.map((x) => [x.keyword, x.frequency, x.urls])).toEqual([
      ['купить окна', 100, []],
      ['ремонт окон', 50, []],
    ])
    expect(decode(cp1251('ёлка')).text).toBe('ёлка')
  })

  it('reads EN exports with URL 1..URL 10 columns and "12,000" volumes, and XLSX', async () => {
    const csv =
      'Keyword,Search Volume,URL 1,URL 2,Target URL\nrunning shoes,"12,000",https://a.com/x,https://b.com/y,https://shop.com/shoes\n'
    const r = await importKeywords(utf8(csv))
    expect(r.rows).toEqual([
      {
        keyword: 'running shoes',
        frequency: 12000,
        urls: ['https://a.com/x', 'https://b.com/y'],
        target: 'https://shop.com/shoes',
        line: 2,
      },
    ])

    const x = await importKeywords(
      await writeExcelFile([
        ['Keyword', 'Volume'],
        ['trail running shoes', 900],
        [null, 5],
        [null, null], // an empty row is no row; the next keeps its own number
        ['  spaced  ', 3.5],
      ]).toBuffer(),
    )
    expect(x.encoding).toBe('xlsx')
    expect(x.rows.map((y) => [y.keyword, y.frequency, y.line])).toEqual([
      ['trail running shoes', 900, 2],
      ['spaced', 4, 5],
    ])
    expect(x.problems).toEqual([{ line: 3, problem: 'empty_keyword', detail: 'no keyword in this row', params: {} }])
  })

  it('a file without a keyword column is a clear error naming the headers it found', async () => {
    await expect(importKeywords(utf8('foo,bar\n1,2\n'))).rejects.toThrow(ImportError)
    await expect(importKeywords(utf8('foo,bar\n1,2\n'))).rejects.toThrow(/no keyword column.*"foo", "bar"/)
    await expect(importKeywords(utf8(''))).rejects.toThrow(/empty/)
  })
})
