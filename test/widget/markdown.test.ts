import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, renderMarkdown, safeHref, type DomLike } from '../../widget/src/markdown';

// A minimal DOM that serialises like a browser would: text is always escaped, so anything that
// looks like markup in the output came from createElement, never from the text.
class FakeNode {
  children: FakeNode[] = [];
  attrs: Record<string, string> = {};
  constructor(readonly tag: string | null, readonly text = '') {}
  appendChild(child: FakeNode) {
    this.children.push(child);
    return child;
  }
  setAttribute(name: string, value: string) {
    this.attrs[name] = value;
  }
  html(): string {
    if (this.tag === null) return this.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const inner = this.children.map((c) => c.html()).join('');
    if (this.tag === '#fragment') return inner;
    const attrs = Object.entries(this.attrs).map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('');
    return this.tag === 'br' ? '<br>' : `<${this.tag}${attrs}>${inner}</${this.tag}>`;
  }
}
const fakeDoc = {
  createElement: (tag: string) => new FakeNode(tag),
  createTextNode: (text: string) => new FakeNode(null, text),
  createDocumentFragment: () => new FakeNode('#fragment'),
} as unknown as DomLike;
const render = (md: string) => (renderMarkdown(md, fakeDoc) as unknown as FakeNode).html();

describe('markdown rendering', () => {
  it('renders paragraphs, lists, bold, italic and links', () => {
    const html = render('Go to the **town hall**.\n\n- Bring your *passport*\n- See [genk.be](https://www.genk.be/)\n\n1. First\n2. Second');
    expect(html).toBe(
      '<p>Go to the <strong>town hall</strong>.</p>' +
        '<ul><li>Bring your <em>passport</em></li><li>See <a href="https://www.genk.be/" target="_blank" rel="noopener noreferrer">genk.be</a></li></ul>' +
        '<ol><li>First</li><li>Second</li></ol>',
    );
  });

  it('never turns text into HTML', () => {
    const html = render('<img src=x onerror=alert(1)> **<script>alert(1)</script>** [<b>x</b>](https://a.be)');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>');
  });

  it('drops javascript:, data: and other unsafe links but keeps their text', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', '/relative', '//evil.example', 'java\tscript:x']) {
      const html = render(`[click me](${href})`);
      expect(html, href).not.toContain('<a');
      expect(html, href).toContain('click me');
    }
    expect(render('[x](javascript:alert(1))')).not.toContain('href');
  });

  it('keeps http(s), tel and mailto links; tel/mailto open in place', () => {
    expect(render('[call](tel:+3289123456)')).toBe('<p><a href="tel:+3289123456">call</a></p>');
    expect(render('[mail](mailto:info@genk.be)')).toBe('<p><a href="mailto:info@genk.be">mail</a></p>');
    expect(render('[x](http://example.be/a?b=c)')).toContain('href="http://example.be/a?b=c"');
  });

  it('cannot break out of the href attribute', () => {
    expect(safeHref('https://a.be/"onmouseover="alert(1)')).toBeNull();
    expect(safeHref('https://a.be/ x')).toBeNull();
    expect(safeHref('https://a.be/\u0000')).toBeNull();
  });

  it('handles unclosed markup while an answer is still streaming', () => {
    expect(parseInline('half **bold')).toEqual([{ t: 'text', text: 'half **bold' }]);
    expect(parseMarkdown('a\nb')).toEqual([{ t: 'p', inlines: [{ t: 'text', text: 'a' }, { t: 'br' }, { t: 'text', text: 'b' }] }]);
  });

  it('does not mistake bullets or lone asterisks for emphasis', () => {
    expect(render('* item')).toBe('<ul><li>item</li></ul>');
    expect(render('2 * 3 * 4')).toBe('<p>2 * 3 * 4</p>');
  });
});

describe('actor list in the answer text', () => {
  it('is left out of the bubble when the same actors are shown as cards', async () => {
    const { withoutActorList } = await import('../../server/src/answer/actor-list');
    const text = 'Register at the town hall.\n\n- Bring your passport.\n\n**Who can help:**\n- **Stad Genk** · [genk.be](https://www.genk.be/)\n- **Agency** · [x.be](https://x.be/)';
    expect(withoutActorList(text, [{ name: 'Stad Genk' }, { name: 'Agency' }])).toBe('Register at the town hall.\n\n- Bring your passport.');
    expect(withoutActorList(text, [])).toBe(text);
    expect(withoutActorList(text, [{ name: 'Someone else' }])).toBe(text);
  });
});
