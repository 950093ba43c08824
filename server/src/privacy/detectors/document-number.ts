import { matchSpans, near, type Detector } from './span';

/** Words that name an identity or travel document in nl, fr, de, en, ru, uk, tr and ar. */
const DOCUMENT = new RegExp([
  'pass?port', 'paspoort', 'passeport', 'reisepass', 'pass(?:nummer|-?nr)', 'паспорт', 'pasaport', 'جواز', 'باسبور',
  'identit(?:y|eit|é)', 'id[- ]?(?:card|kaart|karte)', 'e-?id', 'ausweis', 'kimlik', 'посвідк', 'удостоверени', 'الهوية', 'بطاقة',
  'verblijfs(?:kaart|titel|vergunning)', 'titre de s[ée]jour', 'carte de s[ée]jour', 'aufenthalts', 'residence (?:card|permit)',
  'visum', 'visa', 'document(?:nummer| number)', 'numéro de (?:document|carte)', 'kaartnummer', 'card number',
].join('|'), 'iu');

// Two letters and six or seven digits is how Belgian (and many other) passports are numbered: EH123456.
const PASSPORT = /(?<![\p{L}\p{N}])\p{Lu}{1,2}\d{6,8}(?![\p{L}\p{N}])/gu;
// Any other document number: one code of 6 to 12 letters and digits, at least 5 of them digits, right after the document's name.
const CODE = /(?<![\p{L}\p{N}./-])(?=(?:\p{L}*\p{N}){5})[\p{L}\p{N}]{6,12}(?![\p{L}\p{N}]|[./-]\p{N})/gu;

/** Passport, identity, residence card and visa numbers written next to the document's name. */
export const documentNumber: Detector = {
  label: 'document-number',
  find: (text) => [
    ...matchSpans(text, PASSPORT, (m) => near(text, { start: m.index, end: m.index + m[0].length }, DOCUMENT, 50, 20)),
    ...matchSpans(text, CODE, (m) => near(text, { start: m.index, end: m.index + m[0].length }, DOCUMENT, 30)),
  ],
};
