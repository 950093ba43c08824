import { h, nextId } from '../../dom';
import { languageName } from '../../strings';
import { LANGUAGES } from '../../types';

/** Checkboxes in a fieldset; `value()` is the checked values. */
export function checkboxes(legend: string, options: readonly string[], checked: readonly string[]) {
  const boxes = options.map((o) => h('input', { type: 'checkbox', value: o, id: nextId('cb'), checked: checked.includes(o) }));
  const el = h('fieldset', { class: 'checks' }, h('legend', {}, legend),
    boxes.map((b) => h('span', { class: 'check' }, b, h('label', { for: b.id }, b.value))));
  return { el, value: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}

/** One text box per language (all 15) in a collapsible group; `value()` keeps the filled ones. */
export function perLanguage(legend: string, initial: Partial<Record<string, string>> | null | undefined, multiline = false) {
  const inputs = LANGUAGES.map((l) => {
    const attrs = { id: nextId('pl'), lang: l, dir: 'auto', value: initial?.[l] ?? '' };
    const el = multiline ? h('textarea', { ...attrs, rows: 2 }) : h('input', { ...attrs, type: 'text' });
    if (multiline) el.value = initial?.[l] ?? '';
    return [l, el] as const;
  });
  const filled = inputs.filter(([, el]) => el.value).length;
  const el = h('details', { class: 'per-language', open: filled > 0 },
    h('summary', {}, `${legend}${filled ? ` (${filled})` : ''}`),
    h('div', { class: 'grid' }, inputs.map(([l, input]) => h('div', { class: 'field' }, h('label', { for: input.id }, `${languageName(l)} (${l})`), input))));
  const value = () => Object.fromEntries(inputs.map(([l, input]) => [l, input.value.trim()]).filter(([, v]) => v));
  return { el, value };
}

/** "Title | https://…" lines ⇄ sources. */
export const sourcesText = (sources: { title: string; url: string }[] = []) => sources.map((s) => `${s.title} | ${s.url}`).join('\n');
export function parseSources(text: string): { title: string; url: string }[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const i = l.lastIndexOf('|');
    return i < 0 ? { title: l, url: l } : { title: l.slice(0, i).trim(), url: l.slice(i + 1).trim() };
  });
}

export const orNull = (v: string) => (v.trim() ? v.trim() : null);
