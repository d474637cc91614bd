import {
  Lang,
  type BriefKind,
  type PiiDismissal,
  type RiskCheckRequest,
  type RiskCheckResponse,
  type RiskMark,
} from '../../../../contracts/briefs'
import type { ControlPath } from '../../lib/brief-fields'
import { advertisedOf, fieldFor, type FormValues } from './form-model'

/**
 * What the risk check is asked about: the texts the personal-data check sends (same paths), the
 * kind, channel and language, what is advertised, and the dismissed personal data. Null while no
 * channel is chosen: the rules are per channel.
 */
export function riskCheckBody(
  kind: BriefKind,
  values: FormValues,
  fields: Record<string, string>,
  dismissals: readonly PiiDismissal[],
): RiskCheckRequest | null {
  const channel = values.channel.trim()
  if (channel === '') return null
  return {
    kind,
    channel,
    lang: Lang.safeParse(values.lang).data,
    advertised: advertisedOf(values.advertised),
    fields,
    piiDismissals: dismissals.length > 0 ? [...dismissals] : undefined,
  }
}

/** One mark as shown under its control: `line` (from 1) for one line of a list field (`inputs.proofs.2`). */
export type ShownMark = RiskMark & { path: string; line: number | null }

/** The marks of each control of the form: `inputs.proofs.2` is shown under Proofs, as line 3. */
export function marksByControl(data: RiskCheckResponse | undefined): ReadonlyMap<ControlPath, readonly ShownMark[]> {
  const out = new Map<ControlPath, ShownMark[]>()
  for (const { path, risks } of data?.fields ?? []) {
    const control = fieldFor(path)
    if (!control) continue
    const rest = path.slice(control.length)
    const line = /^\.(\d+)$/.exec(rest)
    const list = out.get(control) ?? []
    list.push(...risks.map((r) => ({ ...r, path, line: line ? Number(line[1]) + 1 : null })))
    out.set(control, list)
  }
  return out
}
