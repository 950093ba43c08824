import { redactPersonalData, stripPersonalData } from '../privacy/redact-personal-data';

// Kept as the entry point other code (the stores, the LLM composer) imports; the detectors live in
// server/src/privacy/ (issue 13).

/** The text with personal data replaced by labels such as "[phone]", for storing and for an LLM provider. */
export function redact(text: string): string {
  return redactPersonalData(text);
}

/** The question without personal numbers and addresses, for retrieval: they are not what it is about. */
export function withoutPersonalData(text: string): string {
  return stripPersonalData(text);
}
