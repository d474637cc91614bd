/** The handles a comment mentions: "@ann", "@ann.lee", "@ann@example.com", lower-cased, each once. */
export function mentionHandles(body: string): string[] {
  const out = new Set<string>()
  for (const m of body.matchAll(/(?<![\w.@])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g)) out.add(m[1]!.replace(/\.+$/, '').toLowerCase())
  return [...out]
}
