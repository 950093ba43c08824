import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUDGET_BYTES, buildWidget } from '../../widget/build';
import { tempDir } from '../helpers/test-app';

// Builds the real bundle (into a temp folder, so parallel browser tests keep their own copy).
describe('widget bundle', () => {
  it('stays within 25 KB gzip and uses no HTML parsing or eval', async () => {
    const dir = tempDir('wd-bundle-');
    try {
      const { outfile, gzip } = await buildWidget(path.join(dir, 'widget.js'));
      const code = fs.readFileSync(outfile);
      expect(zlib.gzipSync(code).length).toBe(gzip);
      expect(gzip).toBeLessThanOrEqual(BUDGET_BYTES);
      const text = code.toString('utf8');
      expect(text.startsWith('/* Welcome Desk widget */')).toBe(true);
      for (const banned of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'document.cookie', 'zod']) {
        expect(text, banned).not.toContain(banned);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
