// Bundles the widget: widget/src/index.ts → widget/dist/widget.js (one IIFE, minified), then checks
// the gzip budget. `npm run build:widget`; exits non-zero over budget.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { build } from 'esbuild';

export const BUDGET_BYTES = 25 * 1024;
const here = path.dirname(fileURLToPath(import.meta.url));
export const OUTFILE = path.join(here, 'dist', 'widget.js');

export async function buildWidget(outfile = OUTFILE): Promise<{ bytes: number; gzip: number; outfile: string }> {
  await build({
    entryPoints: [path.join(here, 'src', 'index.ts')],
    outfile,
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['es2020'],
    platform: 'browser',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    banner: { js: '/* Welcome Desk widget */' },
  });
  const code = fs.readFileSync(outfile);
  return { bytes: code.length, gzip: zlib.gzipSync(code).length, outfile };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { bytes, gzip } = await buildWidget();
  const kb = (n: number) => (n / 1024).toFixed(1) + ' KB';
  console.log(`widget/dist/widget.js: ${kb(bytes)} minified, ${kb(gzip)} gzip (budget ${kb(BUDGET_BYTES)})`);
  if (gzip > BUDGET_BYTES) {
    console.error('widget.js is over its gzip budget.');
    process.exit(1);
  }
}
