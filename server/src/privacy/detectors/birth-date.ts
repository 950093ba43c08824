import { near, type Detector, type Span } from './span';

const MONTHS = [
  'jan(?:uary|uari|vier|uar)?', 'feb(?:ruary|ruari|ruar)?', 'f[ée]vr(?:ier)?', 'm(?:arch|aart|ärz|ars|aerz)', 'mar',
  'apr(?:il)?', 'avr(?:il)?', 'ma(?:y|i|rt)', 'mei', 'mai', 'jun[ei]?', 'juin', 'jul[iy]?', 'juil(?:let)?', 'aug(?:ust(?:us)?)?', 'ao[uû]t',
  'sep(?:t(?:ember|embre)?)?', 'o[ck]t(?:ober|obre)?', 'nov(?:ember|embre)?', 'de[cz](?:ember)?', 'd[ée]c(?:embre)?',
].join('|');
const NUMERIC = String.raw`\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}`;
const WRITTEN = String.raw`\d{1,2}(?:st|nd|rd|th|er|e|\.)?\s+(?:${MONTHS})\.?\s+\d{4}|(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`;
const DATE = new RegExp(`(?<![\\d./-])(?:${NUMERIC}|${WRITTEN})(?![\\d]|[./-]\\d)`, 'giu');

/** Words that say the date next to them is a date of birth, in the languages people write to us in. */
const BIRTH = new RegExp([
  'born', 'birth', '(?<!\\p{L})dob(?!\\p{L})', 'd\\.o\\.b', 'geboren', 'geboorte', 'geb\\.', '(?<!\\p{L})n[ée]e?\\s+le(?!\\p{L})',
  '(?<!\\p{L})née?(?!\\p{L})', 'naissance', 'geburt', 'doğ', 'dog(?:um|dum)', 'народи', 'народж', 'родил', 'рожден',
  'ولد', 'الميلاد', 'مواليد',
].join('|'), 'iu');

function year(date: string): number | null {
  const four = date.match(/\d{4}/);
  return four ? Number(four[0]) : null;
}

function plausible(date: string): boolean {
  const numeric = date.match(/^(\d{1,2})[./-](\d{1,2})[./-]/);
  if (numeric) return Number(numeric[1]) >= 1 && Number(numeric[1]) <= 31 && Number(numeric[2]) >= 1 && Number(numeric[2]) <= 12;
  const iso = date.match(/^\d{4}-(\d{2})-(\d{2})$/);
  if (iso) return Number(iso[1]) >= 1 && Number(iso[1]) <= 12 && Number(iso[2]) >= 1 && Number(iso[2]) <= 31;
  return true;
}

function findDates(text: string, keep: (date: string, span: Span) => boolean): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(DATE)) {
    const span = { start: m.index!, end: m.index! + m[0].length };
    if (plausible(m[0]) && keep(m[0], span)) spans.push(span);
  }
  return spans;
}

/** A full date next to a word for birth ("born", "geboren", "né le", "DOB", "дата рождения", "doğum tarihi", "تاريخ الميلاد"). */
export const birthDate: Detector = {
  label: 'birth-date',
  find: (text) => findDates(text, (_date, span) => near(text, span, BIRTH, 40, 25)),
};

/**
 * Any other full date (day, month and year) whose year is more than ten years back. Such a date is almost
 * always someone's date of birth (their own, a child's), while the dates a question is about — an
 * appointment, an arrival, a deadline — are recent or ahead, and those are kept, as are day-and-month dates
 * ("on 12/03") and bare years ("2024"): they carry no one's identity and the answer may depend on them.
 */
export function oldFullDate(now: () => Date = () => new Date()): Detector {
  return {
    label: 'date',
    find: (text) => findDates(text, (date) => {
      const y = year(date);
      return y !== null && y <= now().getFullYear() - 10;
    }),
  };
}
