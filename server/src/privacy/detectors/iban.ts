import { isValidIBAN } from 'ibantools';
import type { Detector, Span } from './span';

// A country code, check digits, then letters/digits in groups that may be separated by a space, dash or dot:
// "BE68 5390 0754 7034", "be68539007547034", "BE68-5390-0754-7034". The run may swallow a following word
// ("… 7034 please"), so the longest prefix that passes the mod-97 check (ibantools) is what is taken.
const CANDIDATE = /\b[a-z]{2}\d{2}(?:[ .-]?[a-z0-9]){8,32}/gi;

export const iban: Detector = {
  label: 'iban',
  find(text) {
    const spans: Span[] = [];
    const re = new RegExp(CANDIDATE);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const raw = m[0];
      // The run may have swallowed the start of a next IBAN ("NL91… and DE89…"): look again right after what is taken.
      re.lastIndex = m.index + 1;
      // Positions (in raw) of every letter or digit, so a prefix of the compact form maps back to the text.
      const at: number[] = [];
      for (let i = 0; i < raw.length; i++) if (/[a-z0-9]/i.test(raw[i])) at.push(i);
      const compact = at.map((i) => raw[i]).join('').toUpperCase();
      for (let n = Math.min(compact.length, 34); n >= 12; n--) {
        const end = at[n - 1] + 1;
        // Stop only where a word ends, never in the middle of "7034please".
        if (end < raw.length && /[a-z0-9]/i.test(raw[end])) continue;
        if (isValidIBAN(compact.slice(0, n))) {
          spans.push({ start: m.index, end: m.index + end });
          re.lastIndex = m.index + end;
          break;
        }
      }
    }
    return spans;
  },
};
