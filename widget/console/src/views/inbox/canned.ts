import { api, errorMessage } from '../../api';
import { alertBox, field, fill, h, nextId, select } from '../../dom';
import { t, uiLanguage } from '../../strings';
import { LANGUAGES, RTL, type CannedReply, type ClerkReplies, type HandoverSummary, type Placeholder } from '../../types';

let cache: Promise<ClerkReplies> | null = null;
const loadCanned = () => (cache ??= api<ClerkReplies>('GET', '/api/admin/canned').catch((e) => {
  cache = null;
  throw e;
}));

type Values = Partial<Record<Exclude<Placeholder, 'documents'>, string>> & { documents?: string[] };
type Lang = (typeof LANGUAGES)[number];

/** The language the newcomer reads a canned reply in (the server's rule: theirs, or English). */
const targetOf = (x: HandoverSummary): Lang => (LANGUAGES as readonly string[]).includes(x.language ?? '') ? (x.language as Lang) : 'en';

/** The canned reply in the newcomer's language with the values filled in so far ([date] where one is missing). */
export function preview(all: ClerkReplies, reply: CannedReply, lang: Lang, v: Values): string {
  const fmt = (p: Placeholder): string | undefined => {
    if (p === 'documents') {
      const texts = (v.documents ?? []).map((id) => all.documents.find((d) => d.id === id)?.text[lang]).filter((s): s is string => !!s);
      if (!texts.length) return undefined;
      try {
        return new Intl.ListFormat(lang, { type: 'conjunction' }).format(texts);
      } catch {
        return texts.join(', ');
      }
    }
    const value = v[p];
    if (!value) return undefined;
    if (p !== 'date') return value;
    try {
      return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
    } catch {
      return value;
    }
  };
  // The same isolates as the server's (server/src/admin/clerk-replies.ts), so the preview is the sent text.
  const isolate = (value: string) => (RTL.has(lang) ? `\u2068${value}\u2069` : value);
  return reply.text[lang].replace(/\{(\w+)\}/g, (_, k: string) => { const v = fmt(k as Placeholder); return v ? isolate(v) : `[${t(`ph_${k}` as 'ph_date')}]`; });
}

/** Pick a ready-made reply by its title, fill its blanks, see it as the newcomer will, and send it. */
export function cannedForm(x: HandoverSummary, send: (body: { cannedId: string; values: Values }) => Promise<boolean>): HTMLElement {
  const lang = targetOf(x);
  const picker = select([['', t('loading')]], '');
  const fields = h('div', { class: 'placeholders' });
  const previewBox = h('blockquote', { class: 'preview', lang, dir: RTL.has(lang) ? 'rtl' : 'ltr' });
  const previewTitle = nextId('pv');
  const error = alertBox();
  const submit = h('button', { type: 'submit', class: 'primary', disabled: true }, t('sendCanned'));
  const form = h('form', { class: 'canned' }, field(t('canned'), picker), fields,
    h('div', { class: 'preview-wrap', hidden: true }, h('p', { id: previewTitle, class: 'label' }, t('preview')), previewBox), error, submit);
  previewBox.setAttribute('aria-labelledby', previewTitle);
  let all: ClerkReplies | null = null;
  let values: Values = {};

  loadCanned().then((data) => {
    all = data;
    fill(picker, h('option', { value: '' }, t('chooseCanned')), data.replies.map((r) => h('option', { value: r.id }, r.title[uiLanguage()])));
  }).catch((e) => error.show(errorMessage(e)));

  const current = () => all?.replies.find((r) => r.id === picker.value) ?? null;
  const redraw = () => {
    const r = current();
    (previewBox.parentElement as HTMLElement).hidden = !r;
    submit.disabled = !r;
    if (r && all) previewBox.textContent = preview(all, r, lang, values);
  };

  picker.addEventListener('change', () => {
    values = {};
    const r = current();
    fill(fields, r && all ? r.placeholders.map((p) => input(p, all!, (v) => {
      values = { ...values, ...v };
      redraw();
    })) : []);
    redraw();
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = current();
    if (!r) return;
    if (await send({ cannedId: r.id, values })) {
      picker.value = '';
      picker.dispatchEvent(new Event('change'));
    }
  });
  return form;
}

/** One blank: a date or time picker, a text box, or the documents as checkboxes in the clerk's language. */
function input(p: Placeholder, all: ClerkReplies, set: (v: Values) => void): HTMLElement {
  if (p === 'documents') {
    const chosen = new Set<string>();
    return h('fieldset', { class: 'documents' }, h('legend', {}, t('ph_documents')), all.documents.map((d) => {
      const box = h('input', { type: 'checkbox', value: d.id, id: nextId('doc') });
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(d.id);
        else chosen.delete(d.id);
        set({ documents: chosen.size ? [...chosen] : undefined });
      });
      return h('div', { class: 'check' }, box, h('label', { for: box.id }, d.text[uiLanguage()]));
    }));
  }
  const type = p === 'date' ? 'date' : p === 'time' ? 'time' : p === 'url' ? 'url' : p === 'phone' ? 'tel' : 'text';
  const el = h('input', { type, name: p, required: true });
  el.addEventListener('input', () => set({ [p]: el.value.trim() || undefined }));
  return field(t(`ph_${p}` as 'ph_date'), el);
}
