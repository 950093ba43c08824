/** A piece of personal data found in a text: where it is and what to call it. */
export interface Span {
  start: number;
  end: number;
}

export interface Detector {
  /** The label that replaces what it finds, e.g. "iban" → "[iban]". */
  label: string;
  find(text: string): Span[];
}

/** All matches of a global regex, as spans, kept when `accept` says so (checksums, context). */
export function matchSpans(text: string, re: RegExp, accept: (m: RegExpExecArray) => boolean | Span = () => true): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(re)) {
    const ok = accept(m as RegExpExecArray);
    if (ok === true) spans.push({ start: m.index!, end: m.index! + m[0].length });
    else if (ok) spans.push(ok);
  }
  return spans;
}

export const digitsOf = (s: string) => s.replace(/\D/g, '');

/** True when one of the words occurs within `before` characters before the span or `after` characters after it. */
export function near(text: string, span: Span, words: RegExp, before = 40, after = 0): boolean {
  const window = text.slice(Math.max(0, span.start - before), span.start) + ' ' + text.slice(span.end, span.end + after);
  return words.test(window);
}
