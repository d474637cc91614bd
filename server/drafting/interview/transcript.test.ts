import { describe, expect, it } from 'vitest'
import { loadPolicy } from '../../policy/load'
import { POLICIES_DIR } from '../../policy/cli'
import { Redactor } from '../../policy/pii-guard'
import { parseTranscript } from './transcript'

const policy = loadPolicy(POLICIES_DIR)

// Issue 16: speaker labels are names, so they are redacted before the model; the speakers must
// stay attributable (a stable placeholder each) and keep their role.
describe('speakers after redaction', () => {
  it('a role before a redacted name still says who the speaker is', () => {
    const text =
      'Оператор Слава: Добрый вечер! Что случилось?\nКлиент Гульнара: Списали деньги дважды.\nОператор Слава: Назовите номер договора?\nКлиент Гульнара: 12-345.'
    const redacted = Redactor.forPolicy(policy).redact(text)
    expect(redacted).not.toMatch(/Слава|Гульнара/)
    expect(parseTranscript(redacted).speakers).toEqual([
      { label: 'Оператор [PERSON_1]', role: 'interviewer' },
      { label: 'Клиент [PERSON_2]', role: 'customer' },
    ])
  })

  it('bare names become stable placeholders; the one asking is the interviewer', () => {
    const text =
      'Тагир: Ануш, здравствуйте! Сколько у вас точек?\nАнуш: Четыре и цех.\nТагир: Как давно продаёте онлайн?\nАнуш: Третий год.'
    const redacted = Redactor.forPolicy(policy).redact(text)
    expect(redacted.startsWith('[PERSON_1]: [PERSON_2], здравствуйте!')).toBe(true)
    expect(parseTranscript(redacted).speakers).toEqual([
      { label: '[PERSON_1]', role: 'interviewer' },
      { label: '[PERSON_2]', role: 'customer' },
    ])
  })
})
