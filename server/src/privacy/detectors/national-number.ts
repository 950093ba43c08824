import { eidCardNumberValid, nationalNumberValid } from './checksums';
import { digitsOf, matchSpans, near, type Detector } from './span';

// YY MM DD SSS CC with any (or no) dot, space or dash between the parts: 85.07.30-033.28, 850730 033 28, 85073003328.
const LOOSE = /(?<!\d|\d[.,-])\d{2}[.\s-]?\d{2}[.\s-]?\d{2}[.\s-]?\d{3}[.\s-]?\d{2}(?!\d|[.,-]\d)/g;
// The official way of writing it is distinctive enough to be one even when a digit was mistyped.
const OFFICIAL = /^\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}$/;
const KEYWORDS = /rijksregister|register ?n|national (?:register|number)|num[ée]ro national|registre national|insz|niss|bis-?n|identifikationsn|nationaln/i;

/** Belgian national register and bis numbers, checked with their mod-97 digits (or written the official way, or named). */
export const nationalNumber: Detector = {
  label: 'national-number',
  find: (text) => matchSpans(text, LOOSE, (m) => {
    const span = { start: m.index, end: m.index + m[0].length };
    return nationalNumberValid(digitsOf(m[0])) || OFFICIAL.test(m[0]) || near(text, span, KEYWORDS, 40);
  }),
};

const EID = /(?<!\d|\d[.,-])\d{3}[\s-]?\d{7}[\s-]?\d{2}(?!\d|[.,-]\d)/g;
const EID_OFFICIAL = /^\d{3}-\d{7}-\d{2}$/;

/** The number of a Belgian eID (or residence) card, NNN-NNNNNNN-CC, whose last two digits are a mod-97 check. */
export const eidCardNumber: Detector = {
  label: 'document-number',
  find: (text) => matchSpans(text, EID, (m) => eidCardNumberValid(digitsOf(m[0])) || EID_OFFICIAL.test(m[0])),
};
