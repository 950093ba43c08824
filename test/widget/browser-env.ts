import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { buildConsole, buildWidget } from '../../widget/build';
import { buildTestApp, tempDir } from '../helpers/test-app';

// Shared set-up of the widget's browser tests: the test app (fixture knowledge) listening on a
// random port, serving its own freshly built copy of the widget, and Debian's chromium.

export const CHROMIUM = '/usr/bin/chromium';
const WIDGET_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../widget');
export const AXE_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');

export interface WidgetEnv {
  app: FastifyInstance;
  base: string;
  pages: Map<string, { html: string; headers: Record<string, string> }>;
  browser: Browser;
  close(): Promise<void>;
}

/** `console: true` also serves a freshly built clerk's console at /admin (the whole handover loop, issue 12). */
export async function startEnv(options: { console?: boolean } = {}): Promise<WidgetEnv> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (never npx playwright install)`);
  const widgetDir = tempDir('wd-widget-');
  fs.cpSync(path.join(WIDGET_DIR, 'demo'), path.join(widgetDir, 'demo'), { recursive: true });
  await buildWidget(path.join(widgetDir, 'dist', 'widget.js'));
  if (options.console) {
    fs.mkdirSync(path.join(widgetDir, 'console'), { recursive: true });
    fs.copyFileSync(path.join(WIDGET_DIR, 'console', 'index.html'), path.join(widgetDir, 'console', 'index.html'));
    await buildConsole(path.join(widgetDir, 'dist', 'console.js'));
  }
  const app = await buildTestApp({ widgetDir });
  // Host pages are served by the app itself (same origin, so the origin policy allows them). Served
  // over the network rather than by page.route() fulfilment: Chromium's local-network-access checks
  // block WebSockets to 127.0.0.1 from intercepted pages, which would hide the streaming path.
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  // They stand for a town hall's own site, so our pages' security headers (helmet, issue 13) stay off them;
  // a host page that wants a policy of its own passes it in `headers`.
  app.get<{ Params: { name: string } }>('/__host/:name', { helmet: false }, async (request, reply) => {
    const found = pages.get(request.params.name);
    if (!found) return reply.status(404).send('no such host page');
    return reply.headers(found.headers).type('text/html; charset=utf-8').send(found.html);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    app, base, browser, pages,
    async close() {
      await browser.close().catch(() => undefined);
      await app.close();
      fs.rmSync(widgetDir, { recursive: true, force: true });
    },
  };
}

export interface HostPage { html?: string; body?: string; head?: string; lang?: string; headers?: Record<string, string>; script?: string }

/** Registers a host page on the app's own origin and returns its URL. */
export function hostPage(env: WidgetEnv, name: string, host: HostPage = {}): string {
  const script = host.script ?? '<script src="/widget.js" data-tenant="genk" async></script>';
  const html = host.html ?? `<!doctype html><html lang="${host.lang ?? 'en'}"><head><meta charset="utf-8"><title>Host page</title>${host.head ?? ''}</head>` +
    `<body>${host.body ?? '<h1>Town hall</h1><p>Welcome.</p>'}${script}</body></html>`;
  env.pages.set(name, { html, headers: host.headers ?? {} });
  return `${env.base}/__host/${name}`;
}

/** Locators inside the widget's (open) shadow root. */
export function widget(page: Page, nth = 0) {
  const host = page.locator('welcome-desk').nth(nth);
  const q = (sel: string): Locator => host.locator(sel);
  return {
    host,
    launcher: q('.launcher'),
    panel: q('.panel'),
    input: q('textarea'),
    log: q('.log'),
    live: q('[role=status]'),
    bot: q('.msg.bot[data-id^="a"]'),
    user: q('.msg.user'),
    q,
  };
}

/** Opens the panel, asks, and waits for the finished answer (its feedback buttons). */
export async function ask(page: Page, question: string, nth = 0): Promise<Locator> {
  const w = widget(page, nth);
  if (!(await w.panel.isVisible().catch(() => false))) await w.launcher.click();
  const before = await w.bot.count();
  await w.input.fill(question);
  await w.input.press('Enter');
  const answer = w.bot.nth(before);
  await answer.locator('.fb').waitFor({ timeout: 20_000 });
  return answer;
}

export async function newPage(env: WidgetEnv, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}
