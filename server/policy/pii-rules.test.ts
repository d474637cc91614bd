import { describe, expect, it } from 'vitest'
import { classify } from './classify'
import { POLICIES_DIR } from './cli'
import { loadPolicy } from './load'
import { Redactor } from './pii-guard'

const policy = loadPolicy(POLICIES_DIR)
const personal = (text: string) => classify(policy, text, { channel: 'email' }).categories.includes('personal_data')

describe('the pii pack: what blocks copy and what is redacted from briefs', () => {
  it('a name alone is marketing copy; a full name or a name with contacts is personal data', () => {
    expect(personal('Join Anna Lee, who is leading our Saturday sourdough workshop.')).toBe(false)
    expect(personal('Call Anna Lee on +7 916 123-45-67 to book.')).toBe(true)
    expect(personal('Кузнецова Марина Игоревна рекомендует нашу студию.')).toBe(true)
    expect(personal('Договор подписал Смирнов А.В.')).toBe(true)
  })

  it('company contacts are not personal data', () => {
    expect(personal('Пишите на info@studio.ru или звоните 8-800-555-35-35. ООО «Студия», ИНН 7707083893, ОГРН 1027700132195.')).toBe(false)
    expect(personal('Пишите на anna.petrova@gmail.com')).toBe(true)
  })

  it('the redactor replaces every name in a brief, even one that would not block copy', () => {
    const r = Redactor.forPolicy(policy)
    expect(r.redact('Join Anna Lee, who is leading our workshop; info@studio.ru')).toBe('Join [PERSON_1], who is leading our workshop; info@studio.ru')
    expect(r.counts).toEqual({ PERSON: 1 })
  })
})
