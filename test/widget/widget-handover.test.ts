import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signIn } from '../admin/admin-helpers';
import { ask, newPage, startEnv, widget, type WidgetEnv } from './browser-env';

// Issue 12: "Talk to a person" reaches a clerk, and the clerk's reply reaches the newcomer — live over the
// widget's socket, and still there after a reload.
let env: WidgetEnv;
beforeAll(async () => {
  env = await startEnv();
  await addUser(env.app, 'clerk@genk.be', 'clerk', ['genk']);
}, 120_000);
afterAll(async () => env?.close());

describe('widget and the clerk\'s reply', { timeout: 60_000 }, () => {
  it('shows that a person answers, shows the reply live, and keeps it after a reload', async () => {
    const page = await newPage(env);
    await page.goto(`${env.base}/demo/genk`);
    await page.evaluate(() => window.WelcomeDesk!.setLanguage('en'));
    await ask(page, 'How do I register at the town hall?');
    const w = widget(page);
    await w.host.locator('button', { hasText: 'Talk to a person' }).click();
    await w.q('input').first().fill('amina@example.com');
    const handover = page.waitForResponse((r) => r.url().endsWith('/api/handover'));
    await w.host.locator('button', { hasText: 'Send request' }).click();
    expect((await handover).status()).toBe(201);

    const clerk = await signIn(env.app, 'clerk@genk.be');
    const open = (await clerk.call('GET', '/api/admin/handovers?status=open')).json().handovers[0];
    const sent = await clerk.call('POST', `/api/admin/handovers/${open.id}/replies`, { text: 'Hello Amina, I am Sofie from the town hall.', language: 'en' });
    expect(sent.statusCode).toBe(201);

    const reply = w.q('.msg.clerk');
    await reply.first().waitFor({ timeout: 10_000 });
    await expect(reply.first().textContent()).resolves.toContain('Hello Amina, I am Sofie from the town hall.');
    await expect(w.q('.msg.notice').last().textContent()).resolves.toContain('A person from the town hall is now answering you here.');

    // A second reply while the page is closed arrives on the next visit.
    await page.reload();
    await clerk.call('POST', `/api/admin/handovers/${open.id}/replies`, { text: 'Please come on Tuesday.', language: 'en' });
    await page.evaluate(() => window.WelcomeDesk!.open());
    const after = widget(page).q('.msg.clerk');
    await after.nth(1).waitFor({ timeout: 10_000 });
    await expect(after.allTextContents()).resolves.toEqual([expect.stringContaining('Hello Amina'), expect.stringContaining('Please come on Tuesday.')]);
  });
});
