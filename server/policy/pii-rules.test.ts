import { describe, expect, it } from 'vitest'
import { classify } from './classify'
import { POLICIES_DIR } from './cli'
import { loadPolicy } from './load'
import { Redactor } from './pii-guard'

const policy = loadPolicy(POLICIES_DIR)
const personal = (text: string) => classify(policy, text, { channel: 'email' }).categories.includes('personal_data')

describe('the pii pack: what blocks copy and what is redacted from briefs', () => {
  // A name identifies a private person in copy together with where they live, their age,
  // occupation or contacts (eval-dev guideline; 152-FZ art. 10.1 consent to publish).
  it('a name alone is marketing copy; a name with a city, age, occupation or contacts is personal data', () => {
    expect(personal('Join Anna Lee, who is leading our Saturday sourdough workshop.')).toBe(false)
    expect(personal('Как говорил Антон Павлович Чехов, краткость — сестра таланта.')).toBe(false)
    expect(personal('Анна, здравствуйте! Ваш заказ готов.')).toBe(false)
    expect(personal('Call Anna Lee on +7 916 123-45-67 to book.')).toBe(true)
    expect(personal('Кузнецова Марина Игоревна, 34 года, рекомендует нашу студию.')).toBe(true)
    expect(personal('Приз получает Марина Кузнецова из Казани.')).toBe(true)
    expect(personal('Meet Dana Whitfield, a teacher from Boise, who rode 900 miles this year.')).toBe(true)
    expect(personal('“Worth every penny.” — Dana Whitfield, Boise, Idaho')).toBe(true)
  })

  it('company contacts are not personal data', () => {
    expect(personal('Пишите на info@studio.ru или звоните 8-800-555-35-35. ООО «Студия», ИНН 7707083893, ОГРН 1027700132195.')).toBe(false)
    expect(personal('Пишите на anna.petrova@gmail.com')).toBe(true)
  })

  it('the redactor replaces every name in a brief, even one that would not block copy', () => {
    const r = Redactor.forPolicy(policy)
    expect(r.redact('Join Anna Lee, who is leading our workshop; info@studio.ru')).toBe(
      'Join [PERSON_1], who is leading our workshop; info@studio.ru',
    )
    expect(r.counts).toEqual({ PERSON: 1 })
  })

  it('the two operating points are read from the policy file', () => {
    expect(policy.file.personal_data).toEqual({
      inputs: 'redact',
      to_model: { names: 'every_mention' },
      in_copy: { min_name_confidence: 0.75, needs_qualifier: true },
    })
    const brief = 'Оператор Кирилл сказал, что Петрову звонили дважды.'
    // to_model, every mention: the role-cued given name and the lone surname are replaced
    expect(Redactor.forPolicy(policy).redact(brief)).toBe('Оператор [PERSON_1] сказал, что [PERSON_2] звонили дважды.')
    // full_names: a lone name reaches the model
    const fullNames = {
      ...policy,
      file: { ...policy.file, personal_data: { ...policy.file.personal_data, to_model: { names: 'full_names' as const } } },
    }
    expect(Redactor.forPolicy(fullNames).redact(brief)).toBe(brief)

    // in_copy: a lone surname (confidence 0.6) with a qualifier does not fire at 0.75, does at 0.6
    const copy = 'Приз этого месяца получает Кузнецова из Казани.'
    expect(personal(copy)).toBe(false)
    const looser = {
      ...policy,
      file: {
        ...policy.file,
        personal_data: { ...policy.file.personal_data, in_copy: { min_name_confidence: 0.6, needs_qualifier: true } },
      },
    }
    expect(classify(looser, copy, { channel: 'email' }).categories).toContain('personal_data')
    // without the qualifier requirement a full name alone fires
    const strict = {
      ...policy,
      file: {
        ...policy.file,
        personal_data: { ...policy.file.personal_data, in_copy: { min_name_confidence: 0.75, needs_qualifier: false } },
      },
    }
    expect(classify(strict, 'Join Anna Lee at our workshop.', { channel: 'email' }).categories).toContain('personal_data')
    expect(personal('Join Anna Lee at our workshop.')).toBe(false)
  })
})
