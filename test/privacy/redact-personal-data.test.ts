import { describe, expect, it } from 'vitest';
import { findPersonalData, redactPersonalData as r, stripPersonalData } from '../../server/src/privacy/redact-personal-data';

// Each case: what a newcomer might type, and what must be stored instead.
const cases: Record<string, [string, string][]> = {
  'national register and bis numbers': [
    ['Mijn rijksregisternummer is 85.07.30-033.28.', 'Mijn rijksregisternummer is [national-number].'],
    ['number 850730 033 28 thanks', 'number [national-number] thanks'],
    ['85073003328', '[national-number]'],
    // Checked by their digits alone: born in 2001 (the "2" prefix rule) and a bis number (month + 40).
    ['01020312345', '[national-number]'],
    ['854730 033 17', '[national-number]'],
    ['born after 2000: 01.02.03-123.04?', 'born after 2000: [national-number]?'],
    ['bis 85.27.30-033.82', 'bis [national-number]'],
    // Written the official way, a mistyped check digit does not save it.
    ['85.07.30-033.61', '[national-number]'],
    ['NISS: 85073003361', 'NISS: [national-number]'],
  ],
  IBANs: [
    ['IBAN BE68 5390 0754 7034.', 'IBAN [iban].'],
    ['IBAN: BE68-5390-0754-7034 please', 'IBAN: [iban] please'],
    ['mijn rekening be68539007547034', 'mijn rekening [iban]'],
    ['be68 5390 0754 7034 en NL91ABNA0417164300 and DE89 3704 0044 0532 0130 00', '[iban] en [iban] and [iban]'],
  ],
  'payment cards': [
    ['card 4111 1111 1111 1111 exp 12/27', 'card [card] exp 12/27'],
    ['5500-0000-0000-0004', '[card]'],
    ['4012888888881881', '[card]'],
  ],
  'phone numbers': [
    ['Mail me or call +32 470 12 34 56 / 0470123456.', 'Mail me or call [phone] / [phone].'],
    ['bel me op (0470) 12 34 56 of +32 (0)470 12 34 56', 'bel me op [phone] of [phone]'],
    ['0032 470 12 34 56', '[phone]'],
    ['gsm 0470/12.34.56', 'gsm [phone]'],
    ['tel 02 279 22 11, 011/22.33.44', 'tel [phone], [phone]'],
    ['mon numéro: 0486-12-34-56', 'mon numéro: [phone]'],
    ['+33 6 12 34 56 78 or +90 532 123 45 67', '[phone] or [phone]'],
  ],
  'e-mail addresses': [
    ['amina.k@example.com', '[email]'],
    ['schrijf naar jan(at)example.be aub', 'schrijf naar [email] aub'],
    ['jan [at] example [dot] be', '[email]'],
    ['jan at example dot be', '[email]'],
    ['marie.dupont (at) gmail (dot) com', '[email]'],
  ],
  'street addresses': [
    ['Ik woon in de Stationsstraat 12 bus 3, 3600 Genk', 'Ik woon in de [address], 3600 Genk'],
    ["J'habite rue de la Loi 16, 1000 Bruxelles", "J'habite [address], 1000 Bruxelles"],
    ['12, rue Haute à Liège', '[address] à Liège'],
    ['avenue Louise 54 bte 2', '[address]'],
    ['chaussée de Gand 1034', '[address]'],
    ['Frankrijklei 5, Antwerpen', '[address], Antwerpen'],
    ['Hauptstraße 5 in Eupen', '[address] in Eupen'],
    ['Aachener Straße 12', '[address]'],
    ['Grote Markt 7', '[address]'],
    ['Molenberg 12, 3600 Genk', '[address], 3600 Genk'],
    ['I live at 12 Baker Street', 'I live at [address]'],
  ],
  'dates of birth': [
    ['I was born on 12/03/1985', 'I was born on [birth-date]'],
    ['geboren op 12 maart 1985', 'geboren op [birth-date]'],
    ['née le 3 juin 1990', 'née le [birth-date]'],
    ['Geburtsdatum: 1990-06-03', 'Geburtsdatum: [birth-date]'],
    ['DOB 03.06.90', 'DOB [birth-date]'],
    ['дата рождения 12.03.1985', 'дата рождения [birth-date]'],
    ['дата народження 12.03.1985', 'дата народження [birth-date]'],
    ['doğum tarihim 12.03.1985', 'doğum tarihim [birth-date]'],
    ['تاريخ الميلاد 12/03/1985', 'تاريخ الميلاد [birth-date]'],
    ['my son, born 05/09/2021, needs a school', 'my son, born [birth-date], needs a school'],
    // Any full date more than ten years back is almost always someone's birth date.
    ['I arrived on 03/05/2001', 'I arrived on [date]'],
  ],
  'passport and eID card numbers': [
    ['eID 591-1234567-53', 'eID [document-number]'],
    ['kaart 591123456753', 'kaart [document-number]'],
    ['my passport EH123456 expired', 'my passport [document-number] expired'],
    ['paspoortnummer: EH1234567', 'paspoortnummer: [document-number]'],
    ['numéro de passeport AB123456', 'numéro de passeport [document-number]'],
    ['Reisepass C01X00T47', 'Reisepass [document-number]'],
    ['паспорт FA123456', 'паспорт [document-number]'],
    ['mijn verblijfskaart B12345678', 'mijn verblijfskaart [document-number]'],
  ],
  names: [
    ['My name is Amina El Amrani and I need help', 'My name is [name] and I need help'],
    ['ik heet jan peeters', 'ik heet [name]'],
    ['ik heet jan de smet en ik woon in Gent', 'ik heet [name] en ik woon in Gent'],
    ['Mijn naam is Sofie Van den Berg.', 'Mijn naam is [name].'],
    ["je m'appelle Marie Dubois.", "je m'appelle [name]."],
    ['Ich heiße Jonas', 'Ich heiße [name]'],
    ['меня зовут Олена Коваленко', 'меня зовут [name]'],
    ['мене звати Олена', 'мене звати [name]'],
    ['benim adım Ayşe Yılmaz', 'benim adım [name]'],
    ['اسمي أمينة العمراني وأنا من المغرب', 'اسمي [name] وأنا من المغرب'],
  ],
};

// What is not anyone's personal data, or what the answer depends on, stays as typed.
const kept = [
  'call 112 or 101 or 1712 or 1813, 106, 107, 108, 116 000, 070 245 245, 0800 12 345, 078 15 15 15',
  'in 3600 Genk', 'I live in Gent', 'Liège', 'How do I register in Genk in 2026?',
  'on 12/03 I have an appointment', 'appointment on 12/03/2026', 'my visa expires on 01-02-2026',
  'it costs € 50', 'in 2024', 'for 3 months', 'bring 2 photos', 'invest 2000 euro', 'I have a place in Gent 2 weeks from now',
  'I am at home and at work', 'adım adım anlatır mısınız', 'route 66', 'I need 2 passport photos', 'kinderbijslag voor 3 kinderen',
  'Is the office at Stationsplein open?',
];

describe('redactPersonalData', () => {
  for (const [detector, list] of Object.entries(cases)) {
    it(`replaces ${detector} with one label each`, () => {
      for (const [input, expected] of list) expect(r(input), input).toBe(expected);
    });
  }

  it('leaves service numbers, places, prices, years and ordinary numbers alone', () => {
    for (const text of kept) expect(r(text), text).toBe(text);
  });

  it('never leaves half a formatted number behind (issue 13: "BE68-5390-[phone]")', () => {
    const out = r('Stort op BE68-5390-0754-7034 of bel 0470 12 34 56, rijksregister 85.07.30-033.28, kaart 4111-1111-1111-1111');
    expect(out).toBe('Stort op [iban] of bel [phone], rijksregister [national-number], kaart [card]');
    expect(out).not.toMatch(/\d/);
  });

  it('checks the check digits of bare numbers', () => {
    // Eleven digits that fail the national-number check (and are no phone number) are kept.
    expect(r('reference 85073003399')).toBe('reference 85073003399');
    // A 16-digit number that fails Luhn is not a card.
    expect(r('order 4111 1111 1111 1112')).toBe('order 4111 1111 1111 1112');
    // A string shaped like an IBAN with wrong check digits is not one.
    expect(r('BE00 5390 0754 7034')).not.toContain('[iban]');
  });

  it('tells what it found and strips it for retrieval', () => {
    expect(findPersonalData('bel 0470 12 34 56 of mail jan@example.be').map((f) => f.label).sort()).toEqual(['email', 'phone']);
    expect(stripPersonalData('Hoe verhuis ik naar Kerkstraat 5 in Genk? bel 0470 12 34 56')).toBe('Hoe verhuis ik naar in Genk? bel');
  });
});
