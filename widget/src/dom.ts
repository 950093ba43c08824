// A tiny element helper: attributes via setAttribute, text via text nodes. Never innerHTML.

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | null | undefined | ((e: any) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) if (c) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
}

/** Visually hidden text for screen readers. */
export const sr = (text: string) => h('span', { class: 'sr' }, text);

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

let seq = 0;
export const uid = (prefix: string) => `${prefix}-${++seq}`;

export function randomId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
