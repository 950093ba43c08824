import { luhnValid } from './checksums';
import { digitsOf, matchSpans, type Detector } from './span';

// 13 to 19 digits, in groups separated by spaces or dashes ("4111 1111 1111 1111"), that pass the Luhn check.
const CANDIDATE = /(?<![\d+])\d(?:[ -]?\d){12,18}(?!\d)/g;

export const paymentCard: Detector = {
  label: 'card',
  find: (text) => matchSpans(text, CANDIDATE, (m) => luhnValid(digitsOf(m[0]))),
};
