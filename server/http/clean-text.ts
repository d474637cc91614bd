import type { Issue } from '../errors'

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const MAX_ISSUES = 20

function why(text: string): string | undefined {
  // PostgreSQL text and jsonb cannot hold U+0000; the driver would fail with a 500.
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000)'
  // Not valid Unicode: PostgreSQL refuses to encode it as UTF-8.
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate (not valid Unicode)'
  return undefined
}

// Shows a bad key readably in a path: JSON escapes turn NUL and lone surrogates into \uXXXX.
const shown = (key: string) => JSON.stringify(key).slice(1, -1)

/**
 * Every string in a parsed JSON value, keys included, that PostgreSQL cannot store, as issues
 * with zod-style dotted paths. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function unstorableText(value: unknown): Issue[] {
  const issues: Issue[] = []
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }]
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const { value: v, path } = stack.pop()!
    if (typeof v === 'string') {
      const reason = why(v)
      if (reason) issues.push({ path: path.join('.'), message: `the text ${reason}` })
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, String(i)] })
    } else if (v !== null && typeof v === 'object') {
      const children: Array<{ value: unknown; path: string[] }> = []
      for (const [key, child] of Object.entries(v)) {
        const reason = why(key)
        const name = reason ? shown(key) : key
        if (reason) issues.push({ path: [...path, name].join('.'), message: `the field name ${reason}` })
        children.push({ value: child, path: [...path, name] })
      }
      // A loop, not push(...children): a body may hold more keys than a call has arguments.
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    }
  }
  return issues.slice(0, MAX_ISSUES)
}
