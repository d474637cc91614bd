// Result URLs as SEO tools compare them: the same page whatever the scheme, "www.", trailing
// slash, fragment, tracking parameters or parameter order.

const TRACKING =
  /^(?:utm_[a-z_]+|gclid|gbraid|wbraid|yclid|ysclid|fbclid|msclkid|dclid|_openstat|openstat|from|ref|referrer|mc_cid|mc_eid|igshid|spm)$/i

/** A canonical key for a result URL ("example.com/path?a=1"); null when it is not a URL. */
export function normalizeUrl(raw: string): string | null {
  const text = raw.trim()
  if (!text || /^(?:mailto|tel|javascript|data|file|ftp|about):/i.test(text)) return null
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  const host = url.hostname
    .toLowerCase()
    .replace(/^www\d*\./, '')
    .replace(/\.$/, '')
  if (!host.includes('.')) return null
  const params = [...url.searchParams]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a, av], [b, bv]) => a.localeCompare(b) || av.localeCompare(bv))
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : ''
  let path = url.pathname.replace(/\/{2,}/g, '/')
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1)
  if (path === '/') path = ''
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : ''
  return `${host}${port}${path}${query}`
}
