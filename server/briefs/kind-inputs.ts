import type { BriefInputs, BriefKind, KindInputs } from '../../contracts/briefs'

/**
 * A brief's kind and inputs with `f` applied to the inputs, still paired: a function that keeps
 * a value's shape (the personal-data guard's redaction) keeps each kind's inputs typed. One case
 * per kind because TypeScript does not carry the pairing through a generic call; a kind missing
 * here does not compile.
 */
export function mapInputs(brief: KindInputs, f: <T>(inputs: T) => T): KindInputs {
  switch (brief.kind) {
    case 'offer':
      return { kind: brief.kind, inputs: f(brief.inputs) }
    case 'headlines':
      return { kind: brief.kind, inputs: f(brief.inputs) }
    case 'interview_summary':
      return { kind: brief.kind, inputs: f(brief.inputs) }
    case 'seo_clusters':
      return { kind: brief.kind, inputs: f(brief.inputs) }
  }
}

/** The inputs of a brief of `kind`, typed; a brief of another kind here is a bug in the caller. */
export function inputsOf<K extends BriefKind>(kind: K, brief: KindInputs): BriefInputs<K>
export function inputsOf(kind: BriefKind, brief: KindInputs): BriefInputs {
  if (brief.kind !== kind) throw new Error(`a ${brief.kind} brief where a ${kind} brief was expected`)
  return brief.inputs
}
