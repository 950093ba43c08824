import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, AXE_PATH, newPage, hostPage, startEnv, widget, type WidgetEnv } from './browser-env';

// The conversation in a real browser: streaming, actor cards, sources, RTL, chips, feedback,
// handover, keyboard, axe and small screens.
let env: WidgetEnv;
beforeAll(async () => {
  env = await startEnv();
}, 120_000);
afterAll(async () => env?.close());

const activeInWidget = (page: Page) =>
  page.evaluate(() => {
    const a = document.querySelector('welcome-desk')?.shadowRoot?.activeElement as HTMLElement | null;
    if (!a) return null;
    const style = getComputedStyle(a);
    return { tag: a.tagName.toLowerCase(), cls: a.className, text: a.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });

describe('widget conversation', { timeout: 60_000 }, () => {
  it('opens and streams an English answer with actor cards, sources and feedback', async () => {
    const page = await newPage(env);
    const frames: { sent: any[]; received: any[] } = { sent: [], received: [] };
    page.on('websocket', (ws) => {
      ws.on('framesent', (f) => frames.sent.push(JSON.parse(String(f.payload))));
      ws.on('framereceived', (f) => frames.received.push(JSON.parse(String(f.payload))));
    });
    await page.goto(`${env.base}/demo/genk`);
    await page.evaluate(() => window.WelcomeDesk!.setLanguage('en'));
    const w = widget(page);
    await expect(w.launcher.getAttribute('aria-expanded')).resolves.toBe('false');
    await w.launcher.click();
    await expect(w.launcher.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(w.q('.chip').allTextContents()).resolves.toEqual(['Register', 'Housing', 'Health insurance', 'Language courses', 'Work']);

    const answer = await ask(page, 'How do I register at the town hall?');
    expect(frames.sent).toEqual([expect.objectContaining({ type: 'ask', message: 'How do I register at the town hall?', tenant: 'genk', language: 'en' })]);
    expect(frames.received.map((f) => f.type)).toEqual(['start', ...frames.received.filter((f) => f.type === 'delta').map(() => 'delta'), 'done']);
    expect(frames.received.filter((f) => f.type === 'delta').length).toBeGreaterThan(1);

    await expect(answer.getAttribute('lang')).resolves.toBe('en');
    await expect(answer.getAttribute('dir')).resolves.toBe('ltr');
    await expect(answer.locator('.body li').count()).resolves.toBeGreaterThanOrEqual(3);
    // The organisations appear once, as cards: the answer text's "Who can help" list is left out of the bubble.
    await expect(answer.locator('.body').textContent()).resolves.not.toContain('Who can help');
    const cards = answer.locator('.card');
    await expect(cards.count()).resolves.toBe(2);
    await expect(cards.first().locator('.name').textContent()).resolves.toBe('Stad Genk — dienst Burgerzaken');
    await expect(cards.first().locator('a.website').getAttribute('href')).resolves.toBe('https://www.genk.be/');
    await expect(cards.first().locator('a.map').count()).resolves.toBe(0); // no address, no map
    await expect(answer.locator('.sources a').getAttribute('href')).resolves.toBe('https://www.integratie-inburgering.be/');
    await expect(w.user.first().getAttribute('lang')).resolves.toBe('en');
    await expect(w.user.first().getAttribute('dir')).resolves.toBe('auto');

    // The finished answer is announced once, in full, in the polite live region; the log itself is not live.
    await expect(w.log.getAttribute('aria-live')).resolves.toBe('off');
    await page.waitForFunction(() => (document.querySelector('welcome-desk')!.shadowRoot!.querySelector('[role=status]')!.textContent ?? '').length > 0);
    await expect(w.live.textContent()).resolves.toContain('Register at the population service');
    await expect(w.live.getAttribute('aria-live')).resolves.toBe('polite');

    const feedback = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await answer.locator('.fb button[data-helpful=true]').click();
    expect((await feedback).status()).toBe(201);
    await expect(answer.locator('.fb button[data-helpful=true]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(answer.locator('.fb .thanks').textContent()).resolves.toBe('Thank you for your feedback.');
    const rows = env.app.db.prepare('SELECT helpful FROM feedback').all();
    expect(rows).toEqual([{ helpful: 1 }]);
    await page.context().close();
  });

  it('switches to Arabic: UI, right-to-left layout, language hint and answer', async () => {
    const page = await newPage(env);
    const sent: any[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(JSON.parse(String(f.payload)))));
    await page.goto(`${env.base}/demo/genk`);
    const w = widget(page);
    await w.launcher.click();
    await w.q('select.lang').selectOption('ar');
    await expect(w.panel.getAttribute('dir')).resolves.toBe('rtl');
    await expect(w.panel.getAttribute('lang')).resolves.toBe('ar');
    await expect(w.launcher.textContent()).resolves.toBe('لديك أسئلة؟ تحدّث معنا');
    await expect(w.q('select.lang option[value=fa]').textContent()).resolves.toBe('فارسی');
    await expect(w.q('.chip').first().textContent()).resolves.toBe('التسجيل');

    const answer = await ask(page, 'كيف أسجل في البلدية؟');
    expect(sent.at(-1)).toMatchObject({ type: 'ask', language: 'ar' });
    await expect(answer.getAttribute('lang')).resolves.toBe('ar');
    await expect(answer.getAttribute('dir')).resolves.toBe('rtl');
    await expect(answer.locator('.body').textContent()).resolves.toContain('سجّل');
    await expect(answer.locator('.card').count()).resolves.toBeGreaterThan(0);
    await expect(answer.locator('.sources-h').textContent()).resolves.toBe('المصادر');
    // Mirrored: the user's message sits on the left, the answer on the right.
    const userBox = (await w.user.last().boundingBox())!;
    const botBox = (await answer.boundingBox())!;
    expect(userBox.x).toBeLessThan(botBox.x);
    await page.context().close();
  });

  it('asks a natural question in the chosen language when a quick-topic chip is tapped', async () => {
    const page = await newPage(env);
    const url = hostPage(env, 'chips', { lang: 'fr' });
    await page.goto(url);
    const w = widget(page);
    await w.launcher.click();
    await expect(w.q('.chip').allTextContents()).resolves.toEqual(['S\'inscrire', 'Logement', 'Mutualité', 'Cours de langue', 'Travail']);
    await w.q('.chip').nth(2).click();
    await expect(w.user.first().textContent()).resolves.toContain('Comment m\'affilier à une mutualité ?');
    await w.bot.first().locator('.fb').waitFor();
    await expect(w.q('.chip').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('works by keyboard alone, with visible focus; Esc closes and returns focus to the launcher', async () => {
    const page = await newPage(env);
    const url = hostPage(env, 'keyboard', { body: '<h1>Town hall</h1>' });
    await page.goto(url);
    const w = widget(page);
    await w.launcher.waitFor();
    await page.keyboard.press('Tab');
    expect(await activeInWidget(page)).toMatchObject({ cls: 'launcher', outline: 'solid' });
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ state: 'visible' });
    expect(await activeInWidget(page)).toMatchObject({ tag: 'textarea' });
    await page.keyboard.type('How do I register at the town hall?');
    await page.keyboard.press('Enter');
    await w.bot.first().locator('.fb').waitFor();

    await page.keyboard.press('Shift+Tab'); // the last control of the transcript: "No"
    await page.keyboard.press('Shift+Tab'); // "Yes"
    const yes = await activeInWidget(page);
    expect(yes).toMatchObject({ tag: 'button', text: 'Yes', outline: 'solid' });
    expect(yes!.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Space');
    await expect(w.bot.first().locator('[data-helpful=true]').getAttribute('aria-pressed')).resolves.toBe('true');

    // Talk to a person, by keyboard: textarea → send → "Talk to a person".
    await w.input.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await activeInWidget(page)).toMatchObject({ text: 'Talk to a person' });
    await page.keyboard.press('Enter');
    expect(await activeInWidget(page)).toMatchObject({ tag: 'input' });
    await page.keyboard.type('amina@example.com');
    const handover = page.waitForResponse((r) => r.url().endsWith('/api/handover'));
    await page.keyboard.press('Enter');
    expect((await handover).status()).toBe(201);
    const notice = w.q('.msg.notice').last();
    await expect(notice.textContent()).resolves.toContain('Stad Genk — dienst Burgerzaken');
    // The emergency line at its end is bold, not shown with its markdown asterisks.
    await expect(notice.locator('strong').last().textContent()).resolves.toBe('112');
    await expect(notice.textContent()).resolves.not.toContain('**');
    const row = env.app.db.prepare('SELECT contact, tenant FROM handovers ORDER BY id DESC LIMIT 1').get();
    expect(row).toEqual({ contact: 'amina@example.com', tenant: 'genk' });

    await page.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden' });
    expect(await activeInWidget(page)).toMatchObject({ cls: 'launcher' });
    await expect(w.launcher.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.context().close();
  });

  it('has no serious or critical axe violations (English and Arabic, with an answer)', async () => {
    const page = await newPage(env);
    const url = hostPage(env, 'axe', { body: '<main><h1>Town hall</h1></main>' });
    await page.goto(url);
    await page.addScriptTag({ path: AXE_PATH });
    const scan = () =>
      page.evaluate(async () => {
        const root = document.querySelector('welcome-desk')!.shadowRoot!;
        while (root.getAnimations().length) await new Promise((r) => setTimeout(r, 50)); // opening fade done
        const result = await (window as any).axe.run({ include: [['welcome-desk']] });
        const serious = result.violations
          .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
          .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => JSON.stringify(n.target)).join(', ')}`);
        // Proof that axe looked inside the shadow root: colour contrast was checked on many nodes.
        const contrastChecked = result.passes.find((p: any) => p.id === 'color-contrast')?.nodes.length ?? 0;
        return { serious, contrastChecked };
      });
    await widget(page).launcher.waitFor();
    expect((await scan()).serious).toEqual([]); // just the launcher
    await ask(page, 'How do I register at the town hall?');
    const en = await scan();
    expect(en.serious).toEqual([]);
    expect(en.contrastChecked).toBeGreaterThan(10);
    await widget(page).q('select.lang').selectOption('ar');
    await ask(page, 'كيف أسجل في البلدية؟');
    expect((await scan()).serious).toEqual([]);
    await page.context().close();
  });

  it('goes full screen at 320 CSS px and at 400% zoom, without horizontal scrolling', async () => {
    for (const viewport of [{ width: 320, height: 640 }, { width: 320, height: 200 } /* 1280×800 at 400% */]) {
      const page = await newPage(env, viewport);
      await page.goto(`${env.base}/demo/genk`);
      const w = widget(page);
      const launcher = (await w.launcher.boundingBox())!;
      expect(launcher.x + launcher.width).toBeLessThanOrEqual(viewport.width);
      await w.launcher.click();
      const box = async () => Object.fromEntries(Object.entries((await w.panel.boundingBox())!).map(([k, v]) => [k, Math.round(v)]));
      await expect.poll(box, { timeout: 5_000 }).toEqual({ x: 0, y: 0, ...viewport }); // after the opening animation
      await expect(w.launcher.isVisible()).resolves.toBe(false);
      await ask(page, 'How do I register at the town hall?');
      const overflow = await w.log.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expect(w.q('button.icon').last().isVisible()).resolves.toBe(true); // close button reachable
      await page.keyboard.press('Escape');
      await expect(w.launcher.isVisible()).resolves.toBe(true);
      await page.context().close();
    }
  });
});
