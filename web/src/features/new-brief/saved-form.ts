import { z } from 'zod'
import { BriefKind, PiiDismissal } from '../../../../contracts/briefs'
import { isFieldPath } from '../../lib/brief-fields'
import { currentSeoImport, initialValues, type FormValues } from './form-model'
import { SeoImport } from './seo-model'
import { piiKey, type Dismissals } from './pii-model'
import { normalizeTranscripts } from './transcripts-model'

// The unsent brief survives a reload or an expired session (the login screen replaces the page).
// sessionStorage: it stays in this tab only and is cleared on submit and on logout.
const KEY = 'copydesk.new-brief'

const Saved = z.object({
  kind: BriefKind,
  values: z.record(z.string(), z.string()),
  // A set of interviews, kept apart from the text fields; a bad list never costs the brief either.
  transcripts: z.array(z.object({ uid: z.string(), id: z.string(), segment: z.string(), text: z.string() })).catch([]),
  // Reasons written for dismissed personal-data findings; a bad list never costs the brief.
  piiDismissals: z.array(PiiDismissal).catch([]),
  // The keyword upload's summary without its CSV (that is the keywords text itself).
  seoImport: SeoImport.omit({ csv: true }).nullable().optional().catch(null),
})
export type SavedForm = { kind: BriefKind; values: FormValues; piiDismissals: Dismissals }

// Set by clearSavedBriefForm so the page's save-on-leave cannot bring back a sent or logged-out form;
// the next load (a new visit to the page) lifts it.
let discarded = false

export function loadBriefForm(): SavedForm | null {
  discarded = false
  try {
    const raw = window.sessionStorage.getItem(KEY)
    if (!raw) return null
    const parsed = Saved.safeParse(JSON.parse(raw))
    if (!parsed.success) return null
    const values = initialValues()
    for (const [k, v] of Object.entries(parsed.data.values)) if (isFieldPath(k)) values[k] = v
    const piiDismissals = Object.fromEntries(parsed.data.piiDismissals.map((d) => [piiKey(d), d]))
    const seo = parsed.data.seoImport
    values.seoImport = seo ? { ...seo, csv: values['inputs.keywordsCsv'] } : null
    return { kind: parsed.data.kind, values: normalizeTranscripts({ ...values, transcripts: parsed.data.transcripts }), piiDismissals }
  } catch {
    return null
  }
}

export function saveBriefForm(form: SavedForm) {
  if (discarded) return
  try {
    const { piiDismissals, values, kind } = form
    const { transcripts, seoImport: _upload, ...fields } = values
    const current = currentSeoImport(values)
    const seoImport = current
      ? { keywords: current.keywords, withUrls: current.withUrls, encoding: current.encoding, problems: current.problems }
      : null
    window.sessionStorage.setItem(
      KEY,
      JSON.stringify({ kind, values: fields, transcripts, piiDismissals: Object.values(piiDismissals), seoImport }),
    )
  } catch {
    // Too large for storage (a big CSV) or storage disabled: the form itself still holds the text.
  }
}

export function clearSavedBriefForm() {
  discarded = true
  try {
    window.sessionStorage.removeItem(KEY)
  } catch {
    // nothing saved
  }
}
