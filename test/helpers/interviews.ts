import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const Evidence = z.object({ label: z.string(), evidence: z.string() })
const Interview = z.object({
  id: z.string(),
  lang: z.enum(['ru', 'en']),
  segment: z.string(),
  transcript: z.string(),
  speakers: z.record(z.string(), z.enum(['interviewer', 'customer'])),
  annotations: z.object({ objections: z.array(Evidence), barriers: z.array(Evidence), needs: z.array(Evidence) }),
})
export type InterviewFixture = z.infer<typeof Interview>

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'interviews')

export function loadInterviews(): InterviewFixture[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => Interview.parse(JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'))))
}

/** Development half (its misses may be read while improving the engine) and held-out half (only scored). */
export const interviewSplit = (id: string): 'dev' | 'heldout' =>
  createHash('sha256').update(id).digest()[0]! % 2 === 0 ? 'dev' : 'heldout'
