/** A tiny HTTP client with a cookie jar per user, over app.request or a real URL. */
export type Fetcher = (path: string, init: RequestInit) => Promise<Response>

export type Reply = { status: number; body: any; headers: Headers }

export class Client {
  private cookie = ''
  constructor(private readonly fetcher: Fetcher) {}

  async call(method: string, path: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = {}
    if (this.cookie) headers.cookie = this.cookie
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await this.fetcher(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const setCookie = res.headers.get('set-cookie')
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? ''
    const text = await res.text()
    let parsed: unknown = null
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = text
    }
    return { status: res.status, body: parsed, headers: res.headers }
  }

  /** Raw bytes in, raw bytes out: uploads and downloads. */
  async bytes(method: string, path: string, body?: Uint8Array): Promise<{ status: number; bytes: Uint8Array; headers: Headers }> {
    const headers: Record<string, string> = this.cookie ? { cookie: this.cookie } : {}
    if (body) headers['content-type'] = 'application/octet-stream'
    const res = await this.fetcher(path, { method, headers, body: body as BodyInit | undefined })
    return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers }
  }

  get = (path: string) => this.call('GET', path)
  post = (path: string, body?: unknown) => this.call('POST', path, body ?? {})
  put = (path: string, body?: unknown) => this.call('PUT', path, body ?? {})

  async login(email: string, password = 'demo'): Promise<this> {
    const r = await this.post('/api/auth/login', { email, password })
    if (r.status !== 200) throw new Error(`login ${email} failed: ${r.status} ${JSON.stringify(r.body)}`)
    return this
  }
}
