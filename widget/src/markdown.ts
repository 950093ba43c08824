// Light markdown (paragraphs, "- " and "1. " lists, **bold**, *italic*, [text](url)) turned into DOM nodes.
// Text only ever reaches the page through createTextNode: nothing is parsed as HTML.

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'br' }
  | { t: 'strong'; children: Inline[] }
  | { t: 'em'; children: Inline[] }
  | { t: 'link'; href: string; children: Inline[] };

export type Block = { t: 'p'; inlines: Inline[] } | { t: 'ul' | 'ol'; items: Inline[][] };

/** http(s), tel and mailto only; anything else (javascript:, data:, relative, …) is not a link. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (/[\s<>"'`\\]|[\u0000-\u001f\u007f]/.test(href)) return null;
  if (/^https?:\/\/[^/?#]+/i.test(href)) return href;
  if (/^(tel|mailto):[^/]/i.test(href)) return href;
  return null;
}

const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^()\s]+)\)|\*([^*\s](?:[^*\n]*[^*\s])?)\*/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pushText = (s: string) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last && last.t === 'text') last.text += s;
    else out.push({ t: 'text', text: s });
  };
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    pushText(text.slice(at, m.index));
    at = (m.index ?? 0) + m[0].length;
    if (m[1] !== undefined) {
      out.push({ t: 'strong', children: parseInline(m[1]) });
    } else if (m[4] !== undefined) {
      out.push({ t: 'em', children: parseInline(m[4]) });
    } else {
      const href = safeHref(m[3]);
      const children = parseInline(m[2]);
      if (href) out.push({ t: 'link', href, children });
      else for (const c of children) c.t === 'text' ? pushText(c.text) : out.push(c);
    }
  }
  pushText(text.slice(at));
  return out;
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { t: 'ul' | 'ol'; items: Inline[][] } | null = null;
  const flushPara = () => {
    if (!para.length) return;
    const inlines: Inline[] = [];
    para.forEach((line, i) => {
      if (i) inlines.push({ t: 'br' });
      inlines.push(...parseInline(line.replace(/^#{1,6}\s+/, '')));
    });
    blocks.push({ t: 'p', inlines });
    para = [];
  };
  const flushList = () => {
    if (list) blocks.push(list);
    list = null;
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (!line.trim()) {
      flushPara();
      flushList();
    } else if (bullet || numbered) {
      flushPara();
      const kind = bullet ? 'ul' : 'ol';
      if (list && list.t !== kind) flushList();
      if (!list) list = { t: kind, items: [] };
      list.items.push(parseInline((bullet ?? numbered)![1]));
    } else {
      flushList();
      para.push(line.trim());
    }
  }
  flushPara();
  flushList();
  return blocks;
}

/** The minimal DOM surface the renderer needs (so it can be tested without a browser). */
export interface DomLike {
  createElement(tag: string): HTMLElement;
  createTextNode(text: string): Text;
  createDocumentFragment(): DocumentFragment;
}

function renderInlines(doc: DomLike, parent: Node, inlines: Inline[]): void {
  for (const node of inlines) {
    if (node.t === 'text') parent.appendChild(doc.createTextNode(node.text));
    else if (node.t === 'br') parent.appendChild(doc.createElement('br'));
    else if (node.t === 'strong' || node.t === 'em') {
      const el = doc.createElement(node.t);
      renderInlines(doc, el, node.children);
      parent.appendChild(el);
    } else {
      const a = doc.createElement('a');
      a.setAttribute('href', node.href);
      if (/^https?:/i.test(node.href)) {
        a.setAttribute('target', '_blank');
        a.setAttribute('rel', 'noopener noreferrer');
      }
      renderInlines(doc, a, node.children);
      parent.appendChild(a);
    }
  }
}

export function renderMarkdown(text: string, doc: DomLike): DocumentFragment {
  const frag = doc.createDocumentFragment();
  for (const block of parseMarkdown(text)) {
    if (block.t === 'p') {
      const p = doc.createElement('p');
      renderInlines(doc, p, block.inlines);
      frag.appendChild(p);
    } else {
      const list = doc.createElement(block.t);
      for (const item of block.items) {
        const li = doc.createElement('li');
        renderInlines(doc, li, item);
        list.appendChild(li);
      }
      frag.appendChild(list);
    }
  }
  return frag;
}
