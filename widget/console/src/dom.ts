// Small DOM helpers: no framework, just elements.
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;
type Child = Node | string | number | null | undefined | false;

/** Creates an element: attributes (on* are listeners, false/null are skipped) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else if (k === 'checked' && 'checked' in el) (el as HTMLInputElement).checked = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

let uid = 0;
export const nextId = (prefix = 'c') => `${prefix}-${++uid}`;

/** A labelled control: <div class=field><label for>…</label>control</div>. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLDivElement {
  control.id ||= nextId('f');
  const hintEl = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

/** A <select> with [value, label] options. */
export function select(options: [string, string][], value?: string, attrs: Attrs = {}): HTMLSelectElement {
  const s = h('select', attrs, options.map(([v, l]) => h('option', { value: v }, l)));
  if (value !== undefined) s.value = value;
  return s;
}

/** A table with a caption and column headers (scope=col). */
export function table(caption: string, headers: string[], rows: (Child | Child[])[][], captionHidden = false): HTMLTableElement {
  return h('table', {},
    h('caption', { class: captionHidden ? 'sr-only' : null }, caption),
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c)))))),
  );
}

/** A box for errors (role=alert): shows a message, or hides when empty. */
export function alertBox(): HTMLDivElement & { show(msg: string | null): void } {
  const box = h('div', { role: 'alert', class: 'alert', hidden: true }) as HTMLDivElement & { show(msg: string | null): void };
  box.show = (msg) => {
    box.textContent = msg ?? '';
    box.hidden = !msg;
  };
  return box;
}

/** A polite status line (role=status). */
export function statusBox(): HTMLParagraphElement & { show(msg: string): void } {
  const box = h('p', { role: 'status', class: 'status' }) as HTMLParagraphElement & { show(msg: string): void };
  box.show = (msg) => { box.textContent = msg; };
  return box;
}

/** Local date and time of an ISO timestamp. */
export function when(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  // Belgian clerks read day/month: English uses the British order, never the US one (12/7 is 12 July).
  const lang = document.documentElement.lang === 'en' ? 'en-GB' : document.documentElement.lang || undefined;
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' });
}
