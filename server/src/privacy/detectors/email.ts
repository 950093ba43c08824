import { matchSpans, type Detector } from './span';

// Plain addresses, and the ways people hide them from robots: "jan(at)example.be", "jan [at] example [dot] be",
// "jan at example dot be". The spelled-out form ("at … dot …") only counts when it ends in a known top-level
// domain, so that "meet me at the station dot" or "I live at home" stay as they are.
const AT = String.raw`(?:\s*@\s*|\s*[([{<]\s*(?:at|@|arobase|apenstaart(?:je)?)\s*[)\]}>]\s*)`;
const DOT = String.raw`(?:\.|\s*[([{<]\s*(?:dot|punt|point|punkt)\s*[)\]}>]\s*)`;
const LOCAL = String.raw`[\p{L}\p{N}._%+-]+`;
const LABEL = String.raw`[\p{L}\p{N}-]+`;
const WRITTEN = new RegExp(`${LOCAL}${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}\\p{L}{2,24}\\b`, 'giu');

const TLD = '(?:be|com|net|org|eu|nl|fr|de|lu|uk|ch|info|edu|gov|io|ma|tr|ua|ru|pl|ro|es|it|pt)';
const SPOKEN = new RegExp(
  `${LOCAL}\\s+(?:at|apenstaartje|arobase)\\s+${LABEL}(?:\\s+(?:dot|punt|point|punkt)\\s+${LABEL})*?\\s+(?:dot|punt|point|punkt)\\s+${TLD}\\b`,
  'giu',
);

export const email: Detector = {
  label: 'email',
  find: (text) => [...matchSpans(text, WRITTEN), ...matchSpans(text, SPOKEN)],
};
