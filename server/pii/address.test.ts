import { describe, expect, it } from 'vitest'
import { address } from './address'

const found = (text: string) => address(text).map((f) => text.slice(f.start, f.end))

describe('addresses', () => {
  it.each([
    ['Адрес: 420021, г. Казань, ул. Спартаковская, д. 2, оф. 304.', '420021, г. Казань, ул. Спартаковская, д. 2, оф. 304'],
    ['живу: Ленинский проспект, 15-32, звоните', 'Ленинский проспект, 15-32'],
    [
      'Московская обл., г. Химки, ул. Молодёжная, д. 4, кв. 86, подъезд 2, домофон 86В',
      'Московская обл., г. Химки, ул. Молодёжная, д. 4, кв. 86',
    ],
    [
      '190000, Санкт-Петербург, наб. реки Мойки, д. 72, лит. А, пом. 3-Н, получатель',
      '190000, Санкт-Петербург, наб. реки Мойки, д. 72, лит. А, пом. 3-Н',
    ],
    ['at 14 Park Row, Leeds LS1 5HD — ok', '14 Park Row, Leeds LS1 5HD'],
    ['ship to 3045 Fillmore Street, Apt 4B, San Francisco, CA 94123.', '3045 Fillmore Street, Apt 4B, San Francisco, CA 94123'],
    ['Unit 5, 18 Mill Lane, Cambridge CB2 1RX — round the back', 'Unit 5, 18 Mill Lane, Cambridge CB2 1RX'],
    ['Bergmannstraße 102, 10961 Berlin', 'Bergmannstraße 102, 10961 Berlin'],
    [
      'registered address 197022, St. Petersburg, Aptekarsky Prospekt, 6, office 310. Our',
      '197022, St. Petersburg, Aptekarsky Prospekt, 6, office 310',
    ],
    ['ул. Ленина 5 и всё', 'ул. Ленина 5'],
    ['Søndergade 52, 9700 Brønderslev', 'Søndergade 52, 9700 Brønderslev'],
    ['Keizersgracht 123, 1015 CJ Amsterdam', 'Keizersgracht 123, 1015 CJ Amsterdam'],
    ['lives at Rua do Arenque 1634, Goiânia', 'Rua do Arenque 1634'],
    ['Envoyer au 12 rue de la Paix, 75002 Paris.', '12 rue de la Paix, 75002 Paris'],
    ['Calle Mayor 5, 28013 Madrid', 'Calle Mayor 5, 28013 Madrid'],
    ['ul. Marszałkowska 10/12, 00-590 Warszawa', 'ul. Marszałkowska 10/12, 00-590 Warszawa'],
    ['Erzsébet tér 19.  Suite 282  Domoszló', 'Erzsébet tér 19.  Suite 282'],
    ['Mannerheimintie 5 A, Helsinki', 'Mannerheimintie 5 A'],
    ['PSC 0413, Box 8144, APO AA 42323', 'PSC 0413, Box 8144, APO AA 42323'],
    ['Sent to Paris. Váci utca 12.', 'Váci utca 12'],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual([expected])
  })

  it.each([
    'доставка по Москве, открылась на Тверской',
    'coffee on Baker Street and on Fifth Avenue',
    'ТЦ «Галерея», 3 этаж',
    'Город: Уфа',
    'at 5 pm on Main',
  ])('a street or city without a house number is not an address: %s', (text) => expect(found(text)).toEqual([]))

  it.each([
    'Support Via Email 24 hours a day',
    'Support Via Chat 24/7',
    'Join the Brigade 7 today.',
    'Place Your Order 2 days early',
    'Avenue 5 is our new season',
  ])('copy that looks like a European street is not an address: %s', (text) => expect(found(text)).toEqual([]))

  it("marks a business's own premises as company data (reported, but not personal)", () => {
    const [shop] = address('Мы переехали! Ждём вас по новому адресу: ул. Садовая, д. 5, вход со двора.')
    expect(shop).toMatchObject({ type: 'ADDRESS', company: true })
    const [home] = address('Доставка: ул. Садовая, д. 5, кв. 12, получатель Петров')
    expect(home!.company).toBeUndefined()
    expect(address('Visit our showroom at 14 Park Row, Leeds LS1 5HD')[0]).toMatchObject({ company: true })
  })
})
