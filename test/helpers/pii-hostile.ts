// Inputs of about 1 MB built to make the personal-data scanner slow (backtracking, quadratic
// retries, candidates at every position): the unit test holds each under a limit, `npm run bench`
// prints the worst time. One list, so a new attack is measured where it is tested.
export const HOSTILE_PII_INPUTS: readonly string[] = [
  '1-'.repeat(500_000),
  '8 '.repeat(500_000),
  'a@a.'.repeat(250_000),
  '1.'.repeat(500_000),
  'ул. '.repeat(250_000),
  'Иван '.repeat(200_000),
  'A. '.repeat(330_000),
  '+7 ('.repeat(250_000),
  'Bearer '.repeat(150_000),
  '@'.repeat(1_000_000),
  'Rua A 1 '.repeat(125_000),
  `${'Via '.repeat(250_000)}1`,
  'Aa Bb Cc tér 1.  '.repeat(60_000),
  'Ruth R '.repeat(140_000),
  // the name layer: one endless word of joined capitals (was minutes), 50,000 speaker labels (was 24 s)
  "O'".repeat(500_000),
  'Оператор Кирилл: да\n'.repeat(50_000),
  'Anna Lee '.repeat(111_000),
  'Катя, здравствуйте '.repeat(52_000),
  'Name: Anna Lee Phone: '.repeat(45_000),
  'Mr. Anna '.repeat(110_000),
  'И.И.'.repeat(250_000),
]
