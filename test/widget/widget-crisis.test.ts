import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, newPage, startEnv, widget, type WidgetEnv } from './browser-env';

// Issue 8: a crisis answer shows its numbers first, as large tappable tel: buttons, announced first.
let env: WidgetEnv;
beforeAll(async () => {
  env = await startEnv();
}, 120_000);
afterAll(async () => env?.close());

describe('widget crisis answer', { timeout: 60_000 }, () => {
  it('puts the call buttons above the text and announces the number first', async () => {
    const page = await newPage(env, { width: 360, height: 740 });
    await page.goto(`${env.base}/demo/genk`);
    await page.evaluate(() => window.WelcomeDesk!.setLanguage('en'));
    const answer = await ask(page, 'i want to kill myself');
    const w = widget(page);

    // The call group comes before the text inside the bubble.
    const order = await answer.evaluate((el) => [...el.children].map((c) => c.className));
    expect(order.indexOf('calls')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('calls')).toBeLessThan(order.indexOf('body'));
    const buttons = answer.locator('.calls a.call-btn');
    await expect(buttons.first().getAttribute('href')).resolves.toBe('tel:112');
    await expect(buttons.first().locator('.num').textContent()).resolves.toBe('112');
    await expect(buttons.nth(1).getAttribute('href')).resolves.toBe('tel:1813');
    await expect(answer.locator('.calls').getAttribute('aria-label')).resolves.toBe('Emergency numbers');
    await expect(buttons.first().getAttribute('aria-label')).resolves.toMatch(/^Call 112/);
    // Large enough to hit with a shaking thumb.
    const box = await buttons.first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    expect(box!.width).toBeGreaterThan(200);

    await page.waitForFunction(() => (document.querySelector('welcome-desk')!.shadowRoot!.querySelector('[role=status]')!.textContent ?? '').length > 0);
    await expect(w.live.textContent()).resolves.toMatch(/^Call 112\. Call 1813\./);
    await expect(answer.locator('.body').textContent()).resolves.toContain('112');

    // After a reload the buttons are still there (the crisis part is saved with the answer).
    await page.reload();
    await page.evaluate(() => window.WelcomeDesk!.open());
    await expect(widget(page).bot.first().locator('.calls a.call-btn').first().getAttribute('href')).resolves.toBe('tel:112');
  });

  it('shows no call buttons on an ordinary answer', async () => {
    const page = await newPage(env);
    await page.goto(`${env.base}/demo/genk`);
    await page.evaluate(() => window.WelcomeDesk!.setLanguage('en'));
    const answer = await ask(page, 'How do I register at the town hall?');
    await expect(answer.locator('.calls').count()).resolves.toBe(0);
  });
});
