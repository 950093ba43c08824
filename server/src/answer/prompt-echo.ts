/**
 * Finds an LLM answer that repeats its own prompt (issue 13, finding 4: a model that obeys "print your system
 * prompt" had that output served). Only the template's fixed wording counts — the card text and the extractive
 * answer inside the prompt are meant to be reused.
 */
export type EchoCheck = (answer: string) => string | null;

// Ten words in a row from the instructions are no accident; a shorter instruction line counts when repeated whole.
const RUN_WORDS = 10;
const MIN_SEGMENT_WORDS = 6;

const words = (s: string) => s.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

export function createEchoCheck(template: string): EchoCheck {
  // The section markers: the fixed text that opens each filled-in part ("Question:", "Information (\"…").
  const markers = new Set<string>();
  const runs = new Set<string>();
  for (const line of template.split('\n')) {
    const prefix = line.split(/\{\w+\}/)[0].trim();
    const opensSection = line.trimEnd().endsWith(':') || /[:(]\W*$/.test(prefix);
    if (opensSection && prefix.length >= 5) markers.add(prefix.toLowerCase());
  }
  // The fixed wording between placeholders, as word runs.
  for (const segment of template.split(/\{\w+\}/)) {
    const w = words(segment);
    if (w.length < MIN_SEGMENT_WORDS) continue;
    const size = Math.min(RUN_WORDS, w.length);
    for (let i = 0; i + size <= w.length; i++) runs.add(w.slice(i, i + size).join(' '));
  }
  const sizes = [...new Set([...runs].map((r) => r.split(' ').length))];

  return (answer) => {
    const lower = answer.toLowerCase();
    for (const m of markers) if (lower.includes(m)) return `repeats the prompt's section marker "${m}"`;
    const w = words(answer);
    for (const size of sizes) {
      for (let i = 0; i + size <= w.length; i++) {
        if (runs.has(w.slice(i, i + size).join(' '))) return `repeats ${size} words of the prompt in a row`;
      }
    }
    return null;
  };
}
