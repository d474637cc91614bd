import { describe, expect, it } from 'vitest'
import { createLog, textLine } from './log'

const capture = () => {
  const lines: string[] = []
  return { lines, destination: { write: (line: string) => void lines.push(line) } }
}

describe('the server log', () => {
  it('json: one object per line with an ISO time, the level by name, the message and the fields', () => {
    const { lines, destination } = capture()
    const log = createLog({ format: 'json', destination })
    log.child({ reqId: 'r-1' }).info({ status: 200 }, 'request')
    log.debug('below the level: not written')
    expect(lines).toHaveLength(1)
    const o = JSON.parse(lines[0]!)
    expect(o).toMatchObject({ level: 'info', reqId: 'r-1', status: 200, msg: 'request' })
    expect(o.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('text: time, level, message and key=value, quoting values with spaces; an error stack below', () => {
    const { lines, destination } = capture()
    const log = createLog({ format: 'text', level: 'debug', destination })
    log.warn({ reqId: 'r-2', path: '/api/runs/1', reason: 'lease lost twice' }, 'job interrupted')
    log.error({ err: new Error('kaboom') }, 'unhandled error')
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}job interrupted reqId=r-2 path=\/api\/runs\/1 reason="lease lost twice"\n$/)
    expect(lines[1]).toMatch(/ERROR unhandled error\n {4}Error: kaboom\n +at /)
  })

  it('a line that is not JSON is passed through as it is', () => {
    expect(textLine('plain words')).toBe('plain words')
  })
})
