// Personal data people paste into a chat is not ours to keep (issue 2: "with personal data redacted").
const PATTERNS: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+\.[\w.-]+/g, '[email]'],
  [/\bBE\d{2}(?:\s?\d{4}){3}\b/gi, '[iban]'],
  [/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/g, '[iban]'],
  // Belgian national register number: YY.MM.DD-XXX.CC, with or without separators.
  [/\b\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s]?\d{3}[.\s]?\d{2}\b/g, '[national-number]'],
  [/(?<!\w)(?:\+|00)\d[\d\s./-]{7,16}\d\b/g, '[phone]'],
  [/\b0\d[\d\s./-]{6,12}\d\b/g, '[phone]'],
];

export function redact(text: string): string {
  return PATTERNS.reduce((acc, [re, label]) => acc.replace(re, label), text);
}

/** The question without personal numbers and addresses, for retrieval: they are not what it is about. */
export function withoutPersonalData(text: string): string {
  return PATTERNS.reduce((acc, [re]) => acc.replace(re, ' '), text).replace(/\s+/g, ' ').trim();
}
