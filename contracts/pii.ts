/** The kinds of personal data the guard reports (server/pii), as the API names them. */
export const PII_TYPES = [
  'PERSON',
  'EMAIL',
  'PHONE',
  'PASSPORT_RU',
  'SNILS',
  'INN',
  'OGRN',
  'OGRNIP',
  'CARD',
  'IBAN',
  'ADDRESS',
  'DATE_OF_BIRTH',
  'IP',
  'SECRET',
] as const
export type PiiType = (typeof PII_TYPES)[number]
