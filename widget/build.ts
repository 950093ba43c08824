// Bundles the widget: widget/src/index.ts → widget/dist/widget.js (one IIFE, minified), then checks
// the gzip budget. Also bundles the clerk's console (issue 12): widget/console/src/main.ts →
// widget/dist/console.js (no budget). `npm run build:widget`; exits non-zero over budget.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { build } from 'esbuild';

export const BUDGET_BYTES = 25 * 1024;
const here = path.dirname(fileURLToPath(import.meta.url));
export const OUTFILE = path.join(here, 'dist', 'widget.js');
export const CONSOLE_OUTFILE = path.join(here, 'dist', 'console.js');

/** One minified IIFE for browsers; the widget and the console are built alike. */
function bundle(entry: string, outfile: string, name: string) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['es2020'],
    platform: 'browser',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    banner: { js: `/* Welcome Desk ${name} */` },
  });
}

export async function buildWidget(outfile = OUTFILE): Promise<{ bytes: number; gzip: number; outfile: string }> {
  await bundle(path.join(here, 'src', 'index.ts'), outfile, 'widget');
  const code = fs.readFileSync(outfile);
  return { bytes: code.length, gzip: zlib.gzipSync(code).length, outfile };
}

/** The clerk's console served at /admin (loaded by widget/console/index.html as /admin/console.js). */
export async function buildConsole(outfile = CONSOLE_OUTFILE): Promise<{ bytes: number; outfile: string }> {
  await bundle(path.join(here, 'console', 'src', 'main.ts'), outfile, 'console');
  return { bytes: fs.statSync(outfile).size, outfile };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { bytes, gzip } = await buildWidget();
  const kb = (n: number) => (n / 1024).toFixed(1) + ' KB';
  console.log(`widget/dist/widget.js: ${kb(bytes)} minified, ${kb(gzip)} gzip (budget ${kb(BUDGET_BYTES)})`);
  if (gzip > BUDGET_BYTES) {
    console.error('widget.js is over its gzip budget.');
    process.exit(1);
  }
  const built = await buildConsole();
  console.log(`widget/dist/console.js: ${kb(built.bytes)} minified`);
}
