import { describe, expect, it } from 'vitest'
import { person } from './person'

const names = (text: string) => person(text).map((f) => text.slice(f.start, f.end))

describe('personal names', () => {
  it.each([
    ['Звонила Кузнецова Марина Игоревна, просит счёт', ['Кузнецова Марина Игоревна']],
    ['Передать Ивановой Марии до пятницы', ['Ивановой Марии']],
    ['встреча с Петром Сидоровым в 15:00', ['Петром Сидоровым']],
    ['Марина Игоревна подтвердила', ['Марина Игоревна']],
    ['написать Олегу Викторовичу', ['Олегу Викторовичу']],
    ['договор у Смирнова А.В. на подписи', ['Смирнова А.В.']],
    ['согласовал И. И. Кравченко', ['И. И. Кравченко']],
    ['Анна Петрова и Ольга Ким', ['Анна Петрова', 'Ольга Ким']],
    ['ИП Гаврилов Никита Олегович, ИНН', ['Гаврилов Никита Олегович']],
    ['г-н Веселов просил перезвонить', ['Веселов']],
    ['Hi, this is John Smith from sales', ['John Smith']],
    ["Sarah O'Connor will join; ask Dr. Emily Chen too", ["Sarah O'Connor", 'Emily Chen']],
    ['Dear Ms Lee, thanks', ['Lee']],
    ['Mr. Patel called', ['Patel']],
    ["Lena Kovač's test inbox", ['Lena Kovač']], // the possessive is not part of the name
    ['signed by J. R. Whitfield', ['J. R. Whitfield']],
    ['Regards,\nHarpreet Kaur', ['Harpreet Kaur']],
    ['the old owner Lucas van der Berg left', ['Lucas van der Berg']],
    ['Harrison Ford and Fordham students', ['Harrison Ford']],
    ["Agent: the account holder's name?\nCustomer: Katharina Gruber", ['Katharina Gruber']],
    ["Agent: What's the name on the account? User: Šárka Ottová", ['Šárka Ottová']],
    ['Меня зовут Эльчин Мамедов', ['Эльчин Мамедов']],
    ['ИП Мамедов Эльчин Рафикович', ['Мамедов Эльчин Рафикович']],
    ['My name is Ruth R Montez.', ['Ruth R Montez']], // a middle initial without its dot
    ['Date: 2015-12-22 Name: Åsa Laine Phone: 083 564 9312', ['Åsa Laine']], // a name field; the next label is not the name
    ["What's your name? Sölvi Salómonsson", ['Sölvi Salómonsson']],
    ['please change it to Bekbolat Musliyevich', ['Bekbolat Musliyevich']], // a patronymic in Latin letters
    ['Sidorov Ivan Petrovich called', ['Sidorov Ivan Petrovich']],
    ['Seo-yeon Kim and Guðrún Jónsdóttir joined', ['Seo-yeon Kim', 'Guðrún Jónsdóttir']],
    ['ФИО: Ахмедзянова Гузель Ильдаровна', ['Ахмедзянова Гузель Ильдаровна']],
    ['Контактное лицо: Зарина Абдуллаева', ['Зарина Абдуллаева']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected)
  })

  it.each([
    'Новая коллекция Calvin Klein и Tommy Hilfiger уже в продаже',
    'Calvin Klein Jeans and Ralph Lauren Polo',
    'Кредитная карта Тинькофф с кэшбэком',
    'Ford Focus по спецпредложению',
    "Ben & Jerry's ice cream, now at Johnson & Johnson stores",
    'Спасибо, Анна! Ждём вас снова.',
    'Оператор Мария ответит в чате',
    'Hi Megan, your order has shipped',
    'Москва, Санкт-Петербург и Казань',
    'Summer Sale on Baker Street',
    'Regards,\nThe Team',
    'Best,\nCustomer Success',
    "What's the U.S. Delivery time?",
    'Tate Modern and Tate Britain',
    'Then I Love You, the single',
    'Customer: Great Service, Fast Shipping',
  ])('not a person: %s', (text) => {
    expect(names(text)).toEqual([])
  })
})
