import { address } from './detectors/address';
import { birthDate, oldFullDate } from './detectors/birth-date';
import { documentNumber } from './detectors/document-number';
import { email } from './detectors/email';
import { iban } from './detectors/iban';
import { eidCardNumber, nationalNumber } from './detectors/national-number';
import { paymentCard } from './detectors/payment-card';
import { personName } from './detectors/person-name';
import { phone } from './detectors/phone';
import type { Detector, Span } from './detectors/span';

// Personal data people paste into a chat is not ours to keep (issues 2 and 13). Every text a newcomer typed
// goes through here before it is stored or sent to an LLM provider.
//
// The detectors run one after the other over the text as redacted so far, most specific first: an IBAN or a
// national number is replaced by its label before the phone finder looks, and labels hold no digits, so a
// formatted number becomes one label and never "BE68-5390-[phone]" (issue 13).
const DETECTORS: Detector[] = [
  email, iban, nationalNumber, eidCardNumber, paymentCard, documentNumber, birthDate, oldFullDate(), phone, address, personName,
];

export type PersonalDataLabel = 'email' | 'iban' | 'national-number' | 'document-number' | 'card' | 'birth-date' | 'date' | 'phone' | 'address' | 'name';

export interface Finding {
  label: PersonalDataLabel;
  /** The text that was found, as it stood when its detector ran. */
  text: string;
}

/** Overlapping or touching finds of one detector become one span. */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function run(text: string, replace: (label: string) => string, found?: Finding[]): string {
  let out = text;
  for (const detector of DETECTORS) {
    const spans = merge(detector.find(out));
    for (const s of spans.reverse()) {
      found?.unshift({ label: detector.label as PersonalDataLabel, text: out.slice(s.start, s.end) });
      out = out.slice(0, s.start) + replace(detector.label) + out.slice(s.end);
    }
  }
  return out;
}

/** The text with each piece of personal data replaced by its label: "[phone]", "[iban]", "[address]"… */
export function redactPersonalData(text: string): string {
  return run(text, (label) => `[${label}]`);
}

/** What redaction would remove, for tests and for explaining a redaction. */
export function findPersonalData(text: string): Finding[] {
  const found: Finding[] = [];
  run(text, (label) => `[${label}]`, found);
  return found;
}

/** The text with personal data removed outright (for retrieval: it is not what a question is about). */
export function stripPersonalData(text: string): string {
  return run(text, () => ' ').replace(/\s+/g, ' ').trim();
}
