import { describe, expect, it } from 'vitest'
import { STRUCTURED } from './structured'

/** Every structured finding in `text` as [type, matched text]. */
const scan = (text: string) =>
  STRUCTURED.flatMap((d) => d(text))
    .sort((a, b) => a.start - b.start)
    .map((f) => [f.type, text.slice(f.start, f.end)])

describe('structured personal-data detectors', () => {
  it.each([
    ['Пишите: anna.petrova@gmail.com', ['EMAIL', 'anna.petrova@gmail.com']],
    ['тел. +7 (916) 123-45-67', ['PHONE', '+7 (916) 123-45-67']],
    ['звоните 8 916 1234567', ['PHONE', '8 916 1234567']],
    ['моб 89161234567!', ['PHONE', '89161234567']],
    ['+7-916-123-45-67', ['PHONE', '+7-916-123-45-67']],
    ['call +44 20 7946 0958 today', ['PHONE', '+44 20 7946 0958']],
    ['Smith (+44 20 7946 0958) booked', ['PHONE', '+44 20 7946 0958']],
    ['or +1 415 555 0132.', ['PHONE', '+1 415 555 0132']],
    ['+7 (4822) 35-17-90', ['PHONE', '+7 (4822) 35-17-90']],
    ['front desk, (937) 555-0148, or', ['PHONE', '(937) 555-0148']],
    ['call 1-800-555-0199.', ['PHONE', '1-800-555-0199']],
    ['mobile 07700 900812 and', ['PHONE', '07700 900812']],
    ['Phone: 0490 75 40 81', ['PHONE', '0490 75 40 81']],
    ['Can someone call me on 9472 7916? Thanks', ['PHONE', '9472 7916']],
    ['Звоните: 45-67-89, спросите Ольгу', ['PHONE', '45-67-89']],
    ['паспорт 4510 123456', ['PASSPORT_RU', '4510 123456']],
    ['Усманов, 6505 803584, Тула', ['PASSPORT_RU', '6505 803584']],
    ['Нужен паспорт.\nКлиент: 0318157539', ['PASSPORT_RU', '0318157539']],
    ['Agent: your date of birth?\nCustomer: July 4, 1990', ['DATE_OF_BIRTH', 'July 4, 1990']],
    ['my date of birth is 9 May 1989 and', ['DATE_OF_BIRTH', '9 May 1989']],
    ['Паспорт серия 45 10 № 123456', ['PASSPORT_RU', '45 10 № 123456']],
    ['СНИЛС 112-233-445 95', ['SNILS', '112-233-445 95']],
    ['ИНН 7707083893', ['INN', '7707083893']],
    ['ИНН: 500100732259', ['INN', '500100732259']],
    ['ОГРН 1027700132195', ['OGRN', '1027700132195']],
    ['ОГРНИП 304500116000157', ['OGRNIP', '304500116000157']],
    ['card 4111 1111 1111 1111 exp', ['CARD', '4111 1111 1111 1111']],
    ['IBAN DE89 3704 0044 0532 0130 00.', ['IBAN', 'DE89 3704 0044 0532 0130 00']],
    ['from 192.168.1.15 at night', ['IP', '192.168.1.15']],
    ['host 2001:db8:85a3::8a2e:370:7334 down', ['IP', '2001:db8:85a3::8a2e:370:7334']],
    // a version cue does not hide an address the same line calls a server's
    ['после обновления сервер 10.0.4.12 не отвечает', ['IP', '10.0.4.12']],
    ['key sk-proj-AbCdEfGhIjKlMnOpQrStUvWx1234', ['SECRET', 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx1234']],
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789', ['SECRET', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789']],
    ['AKIAIOSFODNN7EXAMPLE', ['SECRET', 'AKIAIOSFODNN7EXAMPLE']],
    ['Authorization: Bearer abcDEF123456ghiJKL789012', ['SECRET', 'abcDEF123456ghiJKL789012']],
    ['дата рождения: 12.03.1985', ['DATE_OF_BIRTH', '12.03.1985']],
    ['родилась 4 июля 1990 г. в Туле', ['DATE_OF_BIRTH', '4 июля 1990']],
    ['DOB: 1990-07-04', ['DATE_OF_BIRTH', '1990-07-04']],
    ['Петров, 19.01.1983 г.р., Тула', ['DATE_OF_BIRTH', '19.01.1983']],
    ['1 марта 1990 года рождения', ['DATE_OF_BIRTH', '1 марта 1990']],
    ['born on July 4, 1990', ['DATE_OF_BIRTH', 'July 4, 1990']],
  ])('finds %s', (text, expected) => {
    expect(scan(text)).toEqual([expected])
  })

  it.each([
    'Цена от 12 990 ₽, скидка 15%',
    'Заказ № 89161234567 отправлен',
    'order #4111111111111112',
    'арт. 7701-2233-44, версия v2.14.3, v1.2.3.4',
    'Вебинар 12.03.2026 в 19:00, встреча в 10:30:45',
    '1234567890 просмотров', // fails the INN checksum, and has no cue
    '7707083893 просмотров', // a valid INN-10 without a cue: not reported
    '4111 1111 1111 1112',
    'Промокод SALE2026, SKU AB12 CD34 EF56',
    'ДЕ89 и DE00 0000 0000 0000 0000 00',
    'dates 2026-12-01 and 12/03/2026, meeting at 12:30',
    'Заказ № 4510 123456 собран',
    'Цена 1 299 990 руб., артикул 4490 75 40',
    'Webinar: date 12.03.2026.\nHost: 14.03.2026',
    // version numbers shaped like an IPv4 address
    'Ships with firmware 4.12.0.9 — updates over the air',
    'Client versions: web 2024.10.3, iOS app 8.2.0.11.',
    'Версия приложения у всех 6.14.2.1, модель одна',
    'Обновление прошивки — версия 10.2.0.14, ставится само',
  ])('ignores look-alikes: %s', (text) => {
    expect(scan(text)).toEqual([])
  })

  it('stays linear on hostile input (1 MB)', () => {
    for (const text of [
      '1-'.repeat(500_000),
      '8 '.repeat(500_000),
      'a@a.'.repeat(250_000),
      '1.'.repeat(500_000),
      'Bearer '.repeat(150_000),
    ]) {
      const t0 = performance.now()
      scan(text)
      expect(performance.now() - t0).toBeLessThan(5000)
    }
  })
})
