import type { z } from 'zod'
import type { BriefKind, Lang } from '../../../../contracts/briefs'
import { ResultQuery } from '../../../../contracts/kb'
import type { RunStatus } from '../../../../contracts/runs'
import { withQuery } from '../../lib/url-query'

/** Results on one page of the archive. */
export const PAGE_SIZE = 20

/** A search of the results archive as the URL keeps it (`/kb?q=…&kind=…&offset=20`), so it can be linked. */
export type KbFilters = {
  q?: string
  kind?: BriefKind
  channel?: string
  outcome?: RunStatus
  author?: string
  lang?: Lang
  from?: string
  to?: string
  tag?: string
  offset: number
}

const shape = ResultQuery.shape
const read = <S extends z.ZodType>(schema: S, value: string | null): z.output<S> | undefined => {
  const r = schema.safeParse(value ?? undefined)
  return r.success ? r.data : undefined
}

/** Each parameter read with the API's own schema (contracts/kb.ts); one that would be refused is left out. */
export function readKbFilters(search: URLSearchParams): KbFilters {
  const offset = read(shape.offset, search.get('offset')) ?? 0
  return {
    q: read(shape.q, search.get('q')),
    kind: read(shape.kind, search.get('kind')),
    channel: read(shape.channel, search.get('channel')),
    outcome: read(shape.outcome, search.get('outcome')),
    author: read(shape.author, search.get('author')),
    lang: read(shape.lang, search.get('lang')),
    from: read(shape.from, search.get('from')),
    to: read(shape.to, search.get('to')),
    tag: read(shape.tag, search.get('tag')),
    // a page boundary: a hand-edited offset of 7 shows the first page's neighbours, not a shifted list
    offset: offset - (offset % PAGE_SIZE),
  }
}

/** The archive URL of a search; a changed filter goes back to the first page unless `offset` is given. */
export const kbHref = (f: KbFilters) => withQuery('/kb', { ...f, offset: f.offset || undefined })

export const isFiltered = (f: KbFilters) => Object.entries(f).some(([k, v]) => k !== 'offset' && k !== 'q' && v !== undefined)
