import { findNumbers, parsePhoneNumber, type ParsedPhoneNumber } from 'awesome-phonenumber';
import type { Detector, Span } from './span';

// Phone numbers are recognised by Google's libphonenumber (awesome-phonenumber), not by a pattern of our own:
// it knows which digits make a valid Belgian (or foreign) number. Two passes:
// 1. runs of digits and separators that start like a number (+, 00, 0 or "(0") are cleaned of the ways people
//    write them that libphonenumber's finder misses — "(0470) 12 34 56", "+32 (0)470 12 34 56", "0470/12.34.56" —
//    and parsed whole, so the whole run becomes one label;
// 2. libphonenumber's own finder over what is left.
const RUN = /(?<![\w+])(?:\+|00|\(0|0)[\d\s()./-]{6,24}\d(?!\w)/g;
const DATE_LIKE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;

/**
 * Numbers that are not anyone's: the service numbers the assistant itself gives and people repeat (070, 078,
 * 0800, 090x are toll-free, shared-cost, premium-rate or "UAN" numbers of organisations). Short numbers such as
 * 112, 101, 1712, 1813, 106/107/108 and 116 000 are never valid full numbers, so they are never found at all.
 */
const SERVICE_TYPES = new Set(['toll-free', 'premium-rate', 'shared-cost', 'uan', 'voicemail']);
// Newcomers also write the numbers of their first country without its prefix.
const REGIONS = ['BE', 'NL', 'FR', 'DE', 'LU'];

function personal(p: ParsedPhoneNumber): boolean {
  return p.valid && !SERVICE_TYPES.has(p.type ?? '');
}

function parseRun(run: string): ParsedPhoneNumber | null {
  const cleaned = run
    .replace(/^\(?(\+|00)\s*(\d{1,3})\)?\s*\(0\)/, '+$2') // "+32 (0)470" → "+32470"
    .replace(/^00/, '+')
    .replace(/[^\d+]/g, '');
  for (const regionCode of cleaned.startsWith('+') ? ['BE'] : REGIONS) {
    const p = parsePhoneNumber(cleaned, { regionCode });
    if (p.valid) return p;
  }
  return null;
}

export const phone: Detector = {
  label: 'phone',
  find(text) {
    const spans: Span[] = [];
    for (const m of text.matchAll(RUN)) {
      const run = m[0].replace(/[\s(./-]+$/, '');
      if (DATE_LIKE.test(run.trim())) continue;
      const p = parseRun(run);
      if (p) {
        if (personal(p)) spans.push({ start: m.index!, end: m.index! + run.length });
        continue;
      }
      // Two numbers in one run, or a number followed by other digits: let the finder split it.
      for (const f of findNumbers(run, { defaultRegionCode: 'BE' })) {
        if (personal(f.phoneNumber)) spans.push({ start: m.index! + f.start, end: m.index! + f.end });
      }
    }
    const covered = (s: Span) => spans.some((o) => s.start < o.end && o.start < s.end);
    for (const f of findNumbers(text, { defaultRegionCode: 'BE' })) {
      const span = { start: f.start, end: f.end };
      if (personal(f.phoneNumber) && !covered(span)) spans.push(span);
    }
    return spans;
  },
};
