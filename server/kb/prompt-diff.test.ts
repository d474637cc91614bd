import { describe, expect, it } from 'vitest'
import { lineDiff } from './prompt-diff'

describe('prompt line diff', () => {
  it('gives the changed lines with their context and line numbers', () => {
    const a = ['# system', 'Be brief.', 'Use the brief only.', '', '# user', 'Audience: {{audience}}'].join('\n')
    const b = ['# system', 'Be brief and concrete.', 'Use the brief only.', '', '# user', 'Audience: {{audience}}', 'Task: {{task}}'].join(
      '\n',
    )
    const hunks = lineDiff(a, b)
    expect(hunks).toHaveLength(1)
    expect(hunks[0]).toMatchObject({ oldStart: 1, oldLines: 6, newStart: 1, newLines: 7 })
    expect(hunks[0]!.lines.filter((l) => l.op !== 'same')).toEqual([
      { op: 'del', text: 'Be brief.' },
      { op: 'add', text: 'Be brief and concrete.' },
      { op: 'add', text: 'Task: {{task}}' },
    ])
  })

  it('is empty for the same text, and splits far-apart changes into hunks', () => {
    expect(lineDiff('x\ny', 'x\ny\n')).toEqual([])
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`)
    const changed = lines.map((l, i) => (i === 2 || i === 25 ? `${l}!` : l))
    expect(lineDiff(lines.join('\n'), changed.join('\n')).map((h) => h.oldStart)).toEqual([1, 23])
  })
})
