import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPage, newPage, startEnv, widget, ask, type WidgetEnv } from '../widget/browser-env';
import { addUser } from './admin-helpers';
import { consolePage, signInWithForm } from './console-env';

// Issue 12, the whole loop in one browser: a newcomer asks in Arabic on a Genk page and asks for a person;
// a clerk (another browser context) signs in to the console, opens the request and answers with a canned
// reply; the newcomer's open widget shows it live over its socket, and again after a reload.

let env: WidgetEnv;
beforeAll(async () => {
  env = await startEnv({ console: true });
  await addUser(env.app, 'clerk@genk.be', 'clerk', ['genk']);
}, 120_000);
afterAll(async () => env?.close());

describe('the handover loop, newcomer to clerk and back', () => {
  it('reaches a clerk in the console and brings the Arabic reply back to the widget, live and after a reload', async () => {
    // 1. The newcomer: a Genk page in Dutch, the widget set to Arabic.
    const url = hostPage(env, 'genk-ar', {
      lang: 'nl',
      body: '<h1>Stad Genk</h1><p>Welkom in Genk.</p>',
      script: '<script src="/widget.js" data-tenant="genk" data-language="ar" async></script>',
    });
    const newcomer = await newPage(env);
    const received: { type?: string; text?: string }[] = [];
    newcomer.on('websocket', (ws) => ws.on('framereceived', (f) => {
      try {
        received.push(JSON.parse(String(f.payload)));
      } catch { /* not JSON */ }
    }));
    await newcomer.goto(url);
    const w = widget(newcomer);
    const answer = await ask(newcomer, 'كيف أسجل في البلدية؟');
    await expect(w.panel.getAttribute('lang')).resolves.toBe('ar');
    await expect(answer.getAttribute('lang')).resolves.toBe('ar');

    await w.host.locator('button', { hasText: 'التحدث مع شخص' }).click();
    await w.q('form.handover input').first().fill('0470 12 34 56');
    const handoverResponse = newcomer.waitForResponse((r) => r.url().endsWith('/api/handover') && r.request().method() === 'POST');
    await w.host.locator('button', { hasText: 'إرسال الطلب' }).click();
    const handover = await handoverResponse;
    expect(handover.status()).toBe(201);
    const handoverId = (await handover.json()).id as number;
    expect(JSON.parse(handover.request().postData() ?? '{}')).toMatchObject({ tenant: 'genk', language: 'ar', contact: '0470 12 34 56' });

    // 2. The clerk, in a second browser context: sign in, find the Arabic request, answer with a canned reply.
    const { page: clerk, errors } = await consolePage(env);
    await signInWithForm(clerk, env.base, 'clerk@genk.be');
    const row = clerk.getByRole('row').filter({ has: clerk.getByRole('button', { name: `Open #${handoverId}` }) });
    await expect(row.textContent()).resolves.toContain('Arabic');
    await clerk.getByRole('button', { name: `Open #${handoverId}` }).click();
    await clerk.getByRole('heading', { name: `Request #${handoverId}` }).waitFor();
    await clerk.locator('.writes-in').filter({ hasText: 'Arabic' }).waitFor();
    // The transcript holds the newcomer's Arabic question.
    await clerk.locator('.transcript li').filter({ hasText: 'كيف أسجل في البلدية؟' }).waitFor();

    await clerk.getByLabel('Ready-made reply').selectOption({ label: 'Appointment at the town hall' });
    await clerk.getByLabel('Date', { exact: true }).fill('2027-01-12');
    await clerk.getByLabel('Time', { exact: true }).fill('14:30');
    await clerk.getByLabel('Place').fill('Stadhuis Genk, loket 3');
    await clerk.getByLabel('your passport').check();
    await clerk.getByLabel('your rental contract').check();
    const preview = clerk.locator('.preview');
    await preview.filter({ hasText: 'جواز سفرك' }).waitFor();
    expect(await preview.getAttribute('lang')).toBe('ar');
    expect(await preview.getAttribute('dir')).toBe('rtl');
    const previewText = (await preview.textContent())!;
    expect(previewText).toContain('لديك موعد');
    expect(previewText).toContain('عقد إيجارك');
    expect(previewText).not.toMatch(/\[[^\]]+\]/); // every blank filled

    const sentResponse = clerk.waitForResponse((r) => /\/api\/admin\/handovers\/\d+\/replies$/.test(r.url()) && r.request().method() === 'POST');
    await clerk.getByRole('button', { name: 'Send ready-made reply' }).click();
    const sent = await sentResponse;
    expect(sent.status()).toBe(201);
    const reply = (await sent.json()).reply as { text: string; language: string };
    expect(reply.language).toBe('ar');
    expect(reply.text).toBe(previewText); // what the clerk previewed is what the newcomer gets
    await clerk.locator('.transcript .msg.clerk').filter({ hasText: 'جواز سفرك' }).waitFor();
    await clerk.getByRole('status').filter({ hasText: 'Reply sent.' }).waitFor();

    // 3. The newcomer's widget, never reloaded, shows it live as the town hall's message (over the socket).
    const clerkMsg = w.q('.msg.clerk');
    await clerkMsg.filter({ hasText: 'جواز سفرك' }).waitFor({ timeout: 10_000 });
    expect(await clerkMsg.count()).toBe(1);
    await expect(clerkMsg.locator('.body').textContent()).resolves.toBe(reply.text);
    await expect(clerkMsg.getAttribute('lang')).resolves.toBe('ar');
    await expect(clerkMsg.getAttribute('dir')).resolves.toBe('rtl');
    await expect(clerkMsg.locator('.who').textContent()).resolves.toBeTruthy();
    expect(received.filter((f) => f.type === 'reply').map((f) => f.text)).toEqual([reply.text]);

    // 4. A reload: the reply is still there, once.
    await newcomer.reload();
    const after = widget(newcomer);
    if (!(await after.panel.isVisible().catch(() => false))) await after.launcher.click();
    await after.q('.msg.clerk').filter({ hasText: 'جواز سفرك' }).waitFor({ timeout: 10_000 });
    expect(await after.q('.msg.clerk').count()).toBe(1);
    await expect(after.q('.msg.clerk .body').textContent()).resolves.toBe(reply.text);
    await expect(after.user.first().textContent()).resolves.toContain('كيف أسجل في البلدية؟');

    expect(errors).toEqual([]);
    await clerk.context().close();
    await newcomer.context().close();
  }, 90_000);
});
