import { SUPPORTED_LANGUAGES } from '../language/languages';
import { CRISIS_CATEGORIES } from '../safety/crisis-categories';
import { parsePattern } from '../safety/crisis-matcher';
import type { KnowledgeBase, KnowledgeIssue } from './knowledge-types';

const PLACEHOLDER_RE = /\{([a-z0-9-]+)\}/g;
// Western, Arabic-Indic and Persian digits: a number typed into a crisis text would bypass the directory.
const DIGIT_RE = /[0-9\u0660-\u0669\u06F0-\u06F9]/;

/**
 * Crisis knowledge checks (issue 8): routing names known actors and cards, and every lead has a phone; answer texts
 * hold no number of their own and only known placeholders; vocabulary stems are long enough not to fire
 * on ordinary words of other languages.
 */
export function checkCrisis(kb: KnowledgeBase, opts: { requireAllLanguages?: boolean } = {}): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const actors = new Map(kb.actors.map((a) => [a.id, a]));
  const cards = new Map(kb.cards.map((c) => [c.id, c]));
  const { routing, answers, vocabularies } = kb.crisis;
  if (routing) {
    for (const category of CRISIS_CATEGORIES) {
      const route = routing[category];
      for (const id of route.lead) {
        const a = actors.get(id);
        if (!a) issues.push({ file: 'crisis/routing.yaml', field: `${category}.lead`, message: `unknown actor "${id}"` });
        else if (!a.phone) issues.push({ file: 'crisis/routing.yaml', field: `${category}.lead`, message: `"${id}" has no phone: an answer cannot lead with it` });
      }
      for (const [region, ids] of Object.entries(route.then ?? {})) {
        for (const id of ids ?? []) {
          const a = actors.get(id);
          if (!a) issues.push({ file: 'crisis/routing.yaml', field: `${category}.then.${region}`, message: `unknown actor "${id}"` });
          else if (!a.phone && !a.website) issues.push({ file: 'crisis/routing.yaml', field: `${category}.then.${region}`, message: `"${id}" has neither phone nor website` });
        }
      }
      // A follow-up after the crisis answer builds on this card, so it must exist and apply where it is named.
      for (const [region, id] of Object.entries(route.card ?? {})) {
        const card = cards.get(id!);
        if (!card) issues.push({ file: 'crisis/routing.yaml', field: `${category}.card.${region}`, message: `unknown card "${id}"` });
        else if (!card.regions.includes('all') && (region === 'all' || !card.regions.includes(region as never))) issues.push({ file: 'crisis/routing.yaml', field: `${category}.card.${region}`, message: `card "${id}" does not apply in ${region}` });
      }
    }
  }
  for (const [lang, a] of Object.entries(answers)) {
    const file = `crisis/answers/${lang}.yaml`;
    const strings: [string, string][] = [['emergencyLine', a!.emergencyLine]];
    for (const c of CRISIS_CATEGORIES) {
      strings.push([`${c}.lead`, a![c].lead]);
      if (a![c].then) strings.push([`${c}.then`, a![c].then!]);
      a![c].steps.forEach((s, i) => strings.push([`${c}.steps.${i}`, s]));
      if (a![c].then && routing && !routing[c].then) issues.push({ file, field: `${c}.then`, message: 'routing.yaml gives this category no lines' });
      if (!/\{[a-z0-9-]+\}/.test(a![c].lead)) issues.push({ file, field: `${c}.lead`, message: 'the lead sentence must give a number' });
    }
    for (const [field, text] of strings) {
      if (DIGIT_RE.test(text.replace(PLACEHOLDER_RE, ''))) issues.push({ file, field, message: 'holds a digit outside a placeholder: numbers come from knowledge/actors only' });
      for (const [, key] of text.matchAll(PLACEHOLDER_RE)) {
        if (key === 'then') continue;
        if (!actors.get(key)?.phone) issues.push({ file, field, message: `{${key}} is not an actor with a phone` });
      }
    }
    if (answers.en) {
      for (const c of CRISIS_CATEGORIES) {
        const want = [...a![c].lead.matchAll(PLACEHOLDER_RE)].map((m) => m[1]).sort().join();
        const en = [...answers.en[c].lead.matchAll(PLACEHOLDER_RE)].map((m) => m[1]).sort().join();
        if (want !== en) issues.push({ file, field: `${c}.lead`, message: `placeholders {${want}} differ from English {${en}}` });
      }
    }
  }
  if (opts.requireAllLanguages) {
    for (const lang of SUPPORTED_LANGUAGES) {
      if (!answers[lang]) issues.push({ file: `crisis/answers/${lang}.yaml`, field: '(file)', message: 'missing: crisis answers exist in all 15 languages' });
      const v = vocabularies.find((x) => x.language === lang);
      if (!v) issues.push({ file: `crisis/${lang}.yaml`, field: '(file)', message: 'missing: every supported language has a crisis vocabulary' });
      else for (const c of CRISIS_CATEGORIES) if (!(v.patterns[c] ?? []).length) issues.push({ file: `crisis/${lang}.yaml`, field: c, message: 'no patterns' });
    }
  }
  for (const v of vocabularies) {
    const file = `crisis/${v.language}.yaml`;
    const all: [string, string][] = [...CRISIS_CATEGORIES.flatMap((c) => (v.patterns[c] ?? []).map((p) => [c, p] as [string, string])), ...v.notCrisis.map((p) => ['not-crisis', p] as [string, string])];
    for (const [field, raw] of all) {
      const { words } = parsePattern(raw);
      if (!words.length) issues.push({ file, field, message: `"${raw}" has no letters` });
      if (words.length > 6) issues.push({ file, field, message: `"${raw}" has more than 6 words` });
      for (const w of words) {
        if (w.kind === 'prefix' && [...w.text].length < 3) issues.push({ file, field, message: `"${raw}": stems need at least 3 letters` });
        if (w.kind === 'infix' && [...w.text].length < 5) issues.push({ file, field, message: `"${raw}": a *part* needs at least 5 letters` });
      }
    }
  }
  return issues;
}
