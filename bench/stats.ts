/** Percentiles of a list of durations in ms. */
export function summarize(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b)
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
  return { n: s.length, p50: at(50), p95: at(95), max: s.at(-1) ?? NaN }
}

export async function timeEach<T>(n: number, fn: (i: number) => Promise<T>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await fn(i)
    out.push(performance.now() - t0)
  }
  return out
}

export const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '-')
