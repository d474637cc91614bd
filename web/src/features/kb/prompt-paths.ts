import { withQuery } from '../../lib/url-query'

const seg = encodeURIComponent

/** Screens of the prompt library. */
export const promptVersionHref = (id: string, lang: string, version: string) => `/kb/prompts/${seg(id)}/${seg(lang)}/${seg(version)}`
export const promptCompareHref = (id: string, lang: string, a: string, b: string) =>
  withQuery(`/kb/prompts/${seg(id)}/${seg(lang)}/compare`, { a, b })
