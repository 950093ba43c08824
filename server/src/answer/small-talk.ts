import { SMALL_TALK } from '../language/small-talk-words';
import type { Language } from '../language/languages';
import { tokenize } from '../retrieval/text-normalize';

export type SmallTalkKind = 'greeting' | 'thanks' | 'bye';

const PHRASES = new Map<string, { kind: SmallTalkKind; langs: Language[] }>();
for (const [lang, groups] of Object.entries(SMALL_TALK) as [Language, (typeof SMALL_TALK)['en']][]) {
  for (const kind of ['greeting', 'thanks', 'bye'] as const) {
    for (const phrase of groups[kind]) {
      const key = tokenize(phrase).join(' ');
      const entry = PHRASES.get(key) ?? { kind, langs: [] };
      entry.langs.push(lang);
      PHRASES.set(key, entry);
    }
  }
}
for (const ack of ['ok', 'okay', 'oke', 'oké', 'okey', 'super', 'top', 'cool', 'd accord', 'tamam', 'добре', 'хорошо', 'vale', 'baik']) {
  if (!PHRASES.has(tokenize(ack).join(' '))) PHRASES.set(tokenize(ack).join(' '), { kind: 'thanks', langs: [] });
}

// Words that may trail a greeting without making it a question ("hello there", "thanks a lot!").
const FILLER = new Set(['there', 'all', 'everyone', 'again', 'so', 'much', 'very', 'you', 'a', 'lot', 'bot', 'robot']);

/** The whole message is a greeting, thanks or goodbye (not "hello, how do I register?"). */
export function smallTalk(message: string): { kind: SmallTalkKind; langs: Language[] } | null {
  const tokens = tokenize(message);
  if (!tokens.length || tokens.length > 6) return null;
  for (let end = tokens.length; end >= 1; end--) {
    const entry = PHRASES.get(tokens.slice(0, end).join(' '));
    if (entry && tokens.slice(end).every((t) => FILLER.has(t) || PHRASES.has(t))) return entry;
  }
  return null;
}
