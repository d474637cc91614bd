// Which candidates lead each angle, so that finishing's round-robin meets a varied set first.
// The offline engine's candidates share the brief's few terms; picking them blindly gives a set
// that repeats the same phrase, or opens with the same word, in every headline.
import type { HeadlineAngle } from '../../../contracts/drafts'
import { nearDuplicate } from './finish'
import { bigrams, normWords } from './text'

type Cand = { angle: HeadlineAngle; text: string; rank: number; pairs: string[]; opening: string }
type Pick = { c: number; round: number }

/** At most this many headlines of a set open with the same word ("Dinner kits: …" ×5 reads as a form). */
const SAME_OPENING = 2
/**
 * What a step down an angle's list (a later template, a terser variant) costs in distinct2: a
 * swap has to buy at least this much variety per step, so the stronger templates stay.
 */
const RANK_COST = 0.002
const SWEEPS = 8

/**
 * Round by round, every angle leads with a candidate that repeats no kept headline: the one with
 * the smallest share of already used word pairs, or simply the first in template order (two
 * starts). Sweeps then swap any pick for another candidate when that raises the set's distinct2
 * by more than it lowers the templates' rank: of the same angle in the first round, of any angle
 * not yet picked in that round after it. The better start wins. The result lists the angles
 * with more picks first and each angle's picks before its other candidates: exactly the order
 * in which finishing's round-robin keeps them.
 */
export function varied(byAngle: Map<HeadlineAngle, string[]>, count: number): Map<HeadlineAngle, string[]> {
  const cands: Cand[] = [...byAngle].flatMap(([angle, texts]) =>
    texts.map((text, rank) => ({ angle, text, rank, pairs: bigrams(text), opening: normWords(text)[0] ?? '' })),
  )
  const dup = new Map<number, boolean>()
  const near = (a: number, b: number) => {
    const key = Math.min(a, b) * 10_000 + Math.max(a, b)
    if (!dup.has(key)) dup.set(key, nearDuplicate(cands[a]!.text, cands[b]!.text))
    return dup.get(key)!
  }
  const fits = (others: Pick[], c: number) =>
    !others.some((o) => o.c === c || near(o.c, c)) && others.filter((o) => cands[o.c]!.opening === cands[c]!.opening).length < SAME_OPENING
  const ctx = { cands, fits }
  const [picks] = [greedy(ctx, count, true), greedy(ctx, count, false)]
    .map((p) => ({ p, v: improve(ctx, p) }))
    .sort((a, b) => b.v - a.v)
    .map((s) => s.p)
  const mine = (a: HeadlineAngle) =>
    picks!
      .filter((p) => cands[p.c]!.angle === a)
      .sort((x, y) => x.round - y.round)
      .map((p) => cands[p.c]!.text)
  const out = new Map<HeadlineAngle, string[]>()
  for (const angle of [...byAngle.keys()].sort((a, b) => mine(b).length - mine(a).length)) {
    const first = mine(angle)
    // An angle left without a pick would otherwise slip its repeat in ahead of the later rounds.
    if (first.length === 0 && picks!.length >= count) continue
    out.set(angle, [...first, ...byAngle.get(angle)!.filter((t) => !first.includes(t))])
  }
  return out
}

type Ctx = { cands: Cand[]; fits: (others: Pick[], c: number) => boolean }

function greedy({ cands, fits }: Ctx, count: number, leastRepeated: boolean): Pick[] {
  const picks: Pick[] = []
  const used = new Set<string>()
  const angles = [...new Set(cands.map((c) => c.angle))]
  for (let round = 0; picks.length < count && round < count; round++) {
    for (const angle of angles) {
      if (picks.length >= count) break
      let best = -1
      let bestShare = Infinity
      for (let c = 0; c < cands.length; c++) {
        if (cands[c]!.angle !== angle || !fits(picks, c)) continue
        const own = cands[c]!.pairs
        const share = leastRepeated ? own.filter((b, j) => used.has(b) || own.indexOf(b) < j).length / Math.max(1, own.length) : 0
        if (share < bestShare) [best, bestShare] = [c, share]
        if (!leastRepeated) break
      }
      if (best < 0) continue
      picks.push({ c: best, round })
      for (const b of cands[best]!.pairs) used.add(b)
    }
  }
  return picks
}

/** distinct2 of the picks, less the rank cost. */
function value(cands: Cand[], picks: Pick[]): number {
  let total = 0
  let rank = 0
  const seen = new Set<string>()
  for (const p of picks) {
    for (const b of cands[p.c]!.pairs) seen.add(b)
    total += cands[p.c]!.pairs.length
    rank += cands[p.c]!.rank
  }
  return (total === 0 ? 1 : seen.size / total) - RANK_COST * rank
}

/** Improves the picks in place; returns their value. */
function improve({ cands, fits }: Ctx, picks: Pick[]): number {
  let score = value(cands, picks)
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    let changed = false
    picks.forEach((pick, i) => {
      const others = picks.filter((_, j) => j !== i)
      const angleOf = (p: Pick) => cands[p.c]!.angle
      const mine = angleOf(pick)
      for (let c = 0; c < cands.length; c++) {
        const angle = cands[c]!.angle
        const allowed =
          pick.round === 0 ? angle === mine : angle === mine || !others.some((o) => o.round === pick.round && angleOf(o) === angle)
        if (!allowed || !fits(others, c)) continue
        const s = value(cands, [...others, { c, round: pick.round }])
        if (s > score + 1e-9) [pick.c, score, changed] = [c, s, true]
      }
    })
    if (!changed) break
  }
  return score
}
