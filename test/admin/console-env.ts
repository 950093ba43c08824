import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildConsole } from '../../widget/build';
import { buildTestApp, tempDir } from '../helpers/test-app';
import { AXE_PATH, CHROMIUM } from '../widget/browser-env';
import { PASSWORD } from './admin-helpers';

// Set-up of the console's browser test: the test app serving a freshly built copy of the console
// (widgetDir/console/index.html and widgetDir/dist/console.js), listening on a random port, and Debian's chromium.

const CONSOLE_HTML = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../widget/console/index.html');

export interface ConsoleEnv {
  app: FastifyInstance;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the console and the app; `prepare` runs before the app listens (users, conversations). */
export async function startConsoleEnv(prepare: (app: FastifyInstance) => Promise<void>): Promise<ConsoleEnv> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const widgetDir = tempDir('wd-console-');
  fs.mkdirSync(path.join(widgetDir, 'console'), { recursive: true });
  fs.copyFileSync(CONSOLE_HTML, path.join(widgetDir, 'console', 'index.html'));
  await buildConsole(path.join(widgetDir, 'dist', 'console.js'));
  const app = await buildTestApp({ widgetDir });
  await prepare(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  return {
    app, base, browser,
    async close() {
      await browser.close().catch(() => undefined);
      await app.close();
      fs.rmSync(widgetDir, { recursive: true, force: true });
    },
  };
}

/** A page that records script errors and CSP violations in `errors`. */
export async function consolePage(env: ConsoleEnv, locale = 'en-GB'): Promise<{ page: Page; errors: string[] }> {
  const context = await env.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return { page, errors };
}

export async function signInWithForm(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/admin`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox', level: 2 }).waitFor();
}

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: string[] }

/** axe-core on the whole page; only the violations with impact serious or critical. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the page's CSP (no inline script) does not apply to it.
  await page.evaluate(fs.readFileSync(AXE_PATH, 'utf8'));
  const all = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
    const r = await (window as unknown as { axe: { run: (ctx: Document) => Promise<Result> } }).axe.run(document);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
