import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrast, type Rgb } from '../../widget/src/contrast';
import { ask, newPage, hostPage, startEnv, widget, type WidgetEnv } from './browser-env';

// The widget on other people's pages: hostile CSS, a strict CSP, several widgets, and the promise
// of doing nothing (no network, no storage, no layout shift) until the launcher is opened.
let env: WidgetEnv;
beforeAll(async () => {
  env = await startEnv();
}, 120_000);
afterAll(async () => env?.close());

const rgb = (css: string): Rgb => css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number) as Rgb;

describe('widget isolation', { timeout: 60_000 }, () => {
  it('survives hostile global CSS on the host page', async () => {
    const page = await newPage(env);
    const hostile = `<style>
      * { all: unset !important; }
      html { font-size: 3px !important; }
      div, button, p, span, textarea, ul, li { display: none !important; color: red !important; font-size: 40px !important; }
      welcome-desk { display: none !important; position: absolute !important; transform: scale(.1) !important; opacity: 0 !important; }
      .launcher, .panel, .msg, .card { display: none !important; }
      head, style { display: none !important; }
    </style>`;
    const url = hostPage(env, 'hostile', { head: hostile });
    await page.goto(url);
    const w = widget(page);
    await w.launcher.waitFor({ state: 'visible' });
    const box = (await w.launcher.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(1280 - 10);
    expect(box.y + box.height).toBeLessThanOrEqual(800 - 10);
    const style = await w.launcher.evaluate((el) => ({ font: getComputedStyle(el).fontSize, color: getComputedStyle(el).color }));
    expect(style).toEqual({ font: '15px', color: 'rgb(255, 255, 255)' });
    const answer = await ask(page, 'How do I register at the town hall?');
    await expect(answer.isVisible()).resolves.toBe(true);
    await expect(answer.locator('.body p').first().evaluate((el) => getComputedStyle(el).fontSize)).resolves.toBe('15px');
    const panel = (await w.panel.boundingBox())!;
    expect(panel.width).toBeGreaterThan(300);
    expect(panel.height).toBeGreaterThan(400);
    await page.context().close();
  });

  it('does not leak its CSS into the host page', async () => {
    const page = await newPage(env);
    const body = '<div class="launcher panel msg card root" id="mine">Host content</div><button id="btn">Host button</button>';
    const url = hostPage(env, 'leak', { body });
    await page.goto(url);
    await widget(page).launcher.click();
    await widget(page).panel.waitFor();
    const styles = await page.evaluate(() => {
      const s = (id: string) => getComputedStyle(document.getElementById(id)!);
      return { position: s('mine').position, bg: s('mine').backgroundColor, font: s('mine').fontFamily, radius: s('btn').borderTopLeftRadius };
    });
    expect(styles.position).toBe('static');
    expect(styles.bg).toBe('rgba(0, 0, 0, 0)');
    expect(styles.font).not.toContain('system-ui');
    expect(styles.radius).not.toBe('28px');
    await page.context().close();
  });

  it('works on a page with a strict Content-Security-Policy (no inline styles, no eval)', async () => {
    const page = await newPage(env);
    await page.addInitScript(() => {
      (window as any).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const csp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws://127.0.0.1:*; img-src 'self'";
    const url = hostPage(env, 'csp', { headers: { 'content-security-policy': csp } });
    const rest: string[] = [];
    page.on('request', (r) => r.url().endsWith('/api/chat') && rest.push(r.url()));
    await page.goto(url);
    const w = widget(page);
    await expect(w.launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(11, 90, 138)'); // the sheet applied
    const answer = await ask(page, 'How do I register at the town hall?');
    await expect(answer.locator('.card').count()).resolves.toBe(2);
    expect(rest).toEqual([]); // streamed over the WebSocket
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    await page.context().close();
  });

  it('does nothing before the launcher is opened: no network, no storage, no cookies, no layout shift', async () => {
    const page = await newPage(env);
    await page.addInitScript(() => {
      const touched: string[] = ((window as any).__storage = []);
      for (const m of ['getItem', 'setItem', 'removeItem', 'key', 'clear'] as const) {
        const original = Storage.prototype[m] as (...a: unknown[]) => unknown;
        (Storage.prototype as any)[m] = function (...args: unknown[]) {
          touched.push(m);
          return original.apply(this, args);
        };
      }
    });
    const layout = '<style>body{margin:0;display:flex;flex-direction:column;gap:40px}footer{height:60px}</style>';
    const body = '<h1>Town hall</h1><p>Text</p><footer id="foot">Footer</footer>';
    const without = hostPage(env, 'no-widget', { head: layout, body, script: '' });
    const withWidget = hostPage(env, 'with-widget', { head: layout, body });
    const measure = () => page.evaluate(() => ({ foot: JSON.stringify(document.getElementById('foot')!.getBoundingClientRect()), height: document.documentElement.scrollHeight }));
    await page.goto(without);
    const before = await measure();

    const requests: string[] = [];
    const sockets: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(withWidget);
    const w = widget(page);
    await w.launcher.waitFor();
    await page.waitForTimeout(500);
    expect(await measure()).toEqual(before);
    expect(requests).toEqual(['/__host/with-widget', '/widget.js']);
    expect(sockets).toEqual([]);
    expect(await page.evaluate(() => (window as any).__storage)).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await ask(page, 'How do I register at the town hall?');
    expect(sockets).toHaveLength(1);
    const stored = await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: localStorage.length, cookie: document.cookie }));
    expect(stored).toEqual({ session: ['welcome-desk:genk:genk'], local: 0, cookie: '' });
    // "Remember me" moves the conversation to localStorage, and back.
    await w.q('#wd-remember').check();
    expect(await page.evaluate(() => [sessionStorage.length, Object.keys(localStorage)])).toEqual([0, ['welcome-desk:genk:genk']]);
    await w.q('#wd-remember').uncheck();
    expect(await page.evaluate(() => [Object.keys(sessionStorage), localStorage.length])).toEqual([['welcome-desk:genk:genk'], 0]);
    await page.context().close();
  });

  it('opens on load with data-open, in data-language, with the data-title', async () => {
    const page = await newPage(env);
    const script = '<script src="/widget.js" data-tenant="genk" data-open="true" data-language="uk" data-title="Genk — вітаємо" async></script>';
    await page.goto(hostPage(env, 'open', { script, lang: 'nl' }));
    const w = widget(page);
    await w.panel.waitFor({ state: 'visible' });
    await expect(w.q('h2').textContent()).resolves.toBe('Genk — вітаємо');
    await expect(w.panel.getAttribute('lang')).resolves.toBe('uk');
    await expect(w.q('.chip').first().textContent()).resolves.toBe('Реєстрація');
    await page.context().close();
  });

  it('keeps several widgets on one page apart, with options and the JS API', async () => {
    const page = await newPage(env);
    const script = '<script src="/widget.js" data-tenant="genk" async></script>' +
      '<script src="/widget.js" data-tenant="gent" data-position="left" data-color="#ffeb3b" data-title="Gent helpt" data-language="nl" async></script>';
    const url = hostPage(env, 'two', { script });
    await page.goto(url);
    await page.waitForFunction(() => window.WelcomeDesk?.instances.length === 2);
    const genk = widget(page, 0);
    const gent = widget(page, 1);
    await expect(page.evaluate(() => window.WelcomeDesk!.instances.map((w) => w.opts.tenant).sort())).resolves.toEqual(['genk', 'gent']);
    const g = page.locator('welcome-desk[data-tenant=gent]');
    const gentLauncher = g.locator('.launcher');
    expect((await gentLauncher.boundingBox())!.x).toBeLessThan(100);
    const colours = await gentLauncher.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    expect(colours).toEqual(['rgb(255, 235, 59)', 'rgb(0, 0, 0)']);
    expect(contrast(rgb(colours[0]), rgb(colours[1]))).toBeGreaterThanOrEqual(4.5);
    await expect(gentLauncher.textContent()).resolves.toBe('Vragen? Chat met ons');

    await ask(page, 'How do I register at the town hall?', await genk.host.getAttribute('data-tenant') === 'genk' ? 0 : 1);
    await page.evaluate(() => window.WelcomeDesk!.open('gent'));
    await g.locator('.panel').waitFor({ state: 'visible' });
    await expect(g.locator('h2').textContent()).resolves.toBe('Gent helpt');
    await expect(g.locator('.msg.user').count()).resolves.toBe(0); // its own, empty conversation
    await expect(g.locator('.chip').count()).resolves.toBe(5);
    await page.evaluate(() => window.WelcomeDesk!.setLanguage('de', 'gent'));
    await expect(g.locator('h2').textContent()).resolves.toBe('Gent helpt');
    await expect(g.locator('.chip').first().textContent()).resolves.toBe('Anmelden');
    await page.evaluate(() => window.WelcomeDesk!.close('gent'));
    await g.locator('.panel').waitFor({ state: 'hidden' });
    await page.evaluate(() => window.WelcomeDesk!.destroy('gent'));
    await expect(page.locator('welcome-desk').count()).resolves.toBe(1);
    await expect(page.evaluate(() => window.WelcomeDesk!.instances.length)).resolves.toBe(1);
    void gent;
    await page.context().close();
  });
});
