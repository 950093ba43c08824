import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, newPage, startEnv, widget, type WidgetEnv } from './browser-env';

// Issue 10: the short answer comes first; the rest of the card is one tap away, behind "Show all steps".
let env: WidgetEnv;
beforeAll(async () => {
  env = await startEnv();
}, 120_000);
afterAll(async () => env?.close());

describe('widget "Show all steps"', { timeout: 60_000 }, () => {
  it('hides the rest of the card until asked, then shows it and moves focus there', async () => {
    const page = await newPage(env, { width: 360, height: 740 });
    await page.goto(`${env.base}/demo/genk`);
    await page.evaluate(() => window.WelcomeDesk!.setLanguage('en'));
    const answer = await ask(page, 'How do I join a health insurance fund?');

    const body = answer.locator('.body');
    await expect(body.textContent()).resolves.toContain('Choose a fund');
    await expect(body.textContent()).resolves.not.toContain('membership contribution');
    const button = answer.locator('button.more');
    await expect(button.textContent()).resolves.toBe('Show all steps');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    const rest = answer.locator('.more-body');
    await expect(rest.isHidden()).resolves.toBe(true);
    await expect(button.getAttribute('aria-controls')).resolves.toBe(await rest.getAttribute('id'));

    await button.click();
    await expect(rest.isVisible()).resolves.toBe(true);
    await expect(rest.textContent()).resolves.toContain('membership contribution');
    await expect(button.isHidden()).resolves.toBe(true);
    await expect(rest.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)).resolves.toBe(true);

    // The rest is saved with the answer: after a reload the button is back and still works.
    await page.reload();
    await page.evaluate(() => window.WelcomeDesk!.open());
    const again = widget(page).bot.first();
    await again.locator('button.more').click();
    await expect(again.locator('.more-body').textContent()).resolves.toContain('membership contribution');
  });

  it('shows no button when the short answer is the whole card', async () => {
    const page = await newPage(env);
    await page.goto(`${env.base}/demo/genk`);
    await page.evaluate(() => window.WelcomeDesk!.setLanguage('nl'));
    const short = await ask(page, 'Hoe schrijf ik me in bij de gemeente?');
    await expect(short.locator('button.more').count()).resolves.toBe(0);
  });
});
