import { describe, expect, it } from 'vitest';
import { allowedTarget, knownLinks, sanitizeLlmOutput } from '../../server/src/answer/sanitize-llm-output';

const known = knownLinks({
  urls: ['https://www.genk.be/'],
  phones: ['+32 89 65 44 11'],
  emails: ['info@genk.be'],
  texts: ['More at https://www.integratie-inburgering.be/inburgering and help@agii.be.'],
});
const clean = (s: string) => sanitizeLlmOutput(s, known);

describe('sanitizeLlmOutput', () => {
  it('drops scripts and styles with their content, and every other tag with its attributes', () => {
    expect(clean('Go to the town hall.<script>fetch("//x")</script><style>p{}</style> Bring <b onclick="x()">your passport</b>.'))
      .toBe('Go to the town hall. Bring your passport.');
    expect(clean('Hello <img src=x onerror=alert(1)>there <svg onload=alert(1)><circle/></svg>and <!-- hidden -->bye'))
      .toBe('Hello there and bye');
    // An unclosed script swallows the rest; a tag left open at the end goes too.
    expect(clean('Step one. <script>alert(1) and more')).toBe('Step one. ');
    expect(clean('Step one. <img src=x onerror=alert(1)')).toBe('Step one. ');
  });

  it('sees through entity-encoded and nested markup', () => {
    expect(clean('a &lt;script&gt;alert(1)&lt;/script&gt; b')).toBe('a b');
    expect(clean('a <scr<script></script>ipt>alert(1)</script> b')).not.toMatch(/script|alert/);
  });

  it('removes markdown images', () => {
    expect(clean('Look ![pixel](https://www.genk.be/p.png) here ![x](javascript:alert(1))')).toBe('Look here ');
  });

  it('keeps only links whose target the knowledge holds, keeping the text of the others', () => {
    expect(clean('See [the city](https://www.genk.be) or [this](https://evil.example/a).')).toBe('See [the city](https://www.genk.be) or this.');
    expect(clean('Read [this](https://www.integratie-inburgering.be/inburgering/).')).toBe('Read [this](https://www.integratie-inburgering.be/inburgering/).');
    expect(clean('Call [us](tel:089654411), [them](tel:+3222222222), mail [info](mailto:INFO@genk.be) or [x](mailto:a@b.example).'))
      .toBe('Call [us](tel:089654411), them, mail [info](mailto:INFO@genk.be) or x.');
    expect(clean('[ftp](ftp://www.genk.be/file) and [rel](/admin)')).toBe('ftp and rel');
  });

  it('removes bare links the knowledge does not hold and keeps the ones it does', () => {
    expect(clean('Visit https://www.genk.be/. Not https://evil.example/x, nor <https://evil.example/y>.')).toBe('Visit https://www.genk.be/. Not , nor .');
    expect(clean('Or tel:+3222222222 and mailto:help@agii.be')).toBe('Or and mailto:help@agii.be');
  });

  it('never lets javascript:, vbscript: or data: through, not even as text', () => {
    const out = clean('[a](javascript:alert(1)) JavaScript:alert(2) [b](vbscript:msgbox) <a href="data:text/html,x">c</a> data:text/html;base64,PHNjcmlwdD4= [d](data:image/png;base64,AAAA)');
    expect(out).not.toMatch(/javascript|vbscript|data:/i);
    expect(out).toContain('a');
    expect(out).toContain('c');
  });

  it('leaves ordinary prose, lists and "data:" followed by words alone', () => {
    const text = 'Bring your papers.\n\n- Personal data: your name and address.\n- **Cost**: 20 < 30 euro & more.';
    expect(clean(text)).toBe(text);
  });
});

describe('allowedTarget', () => {
  it('compares web addresses without case or a trailing slash, phones by their digits', () => {
    expect(allowedTarget('HTTPS://WWW.GENK.BE', known)).toBe(true);
    expect(allowedTarget('http://www.genk.be/', known)).toBe(false);
    expect(allowedTarget('tel:0032 89 65 44 11', known)).toBe(true);
    expect(allowedTarget('javascript:alert(1)', known)).toBe(false);
  });
});
