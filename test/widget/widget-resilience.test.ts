import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, hostPage, newPage, startEnv, widget, type WidgetEnv } from './browser-env';

// Bad networks: a socket dropped mid-answer, WebSockets blocked, going offline while typing, and
// reloading the page mid-conversation.
let env: WidgetEnv;
beforeAll(async () => {
  env = await startEnv();
}, 120_000);
afterAll(async () => env?.close());

const QUESTION = 'How do I register at the town hall?';

/** Wraps window.WebSocket: `__offline` makes new sockets fail (as with no network); counts real sockets and asks. */
async function gateWebSockets(page: Page) {
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const w = window as any;
    w.__offline = false;
    w.__real = [];
    w.__asks = [];
    function Gated(this: unknown, url: string) {
      if (w.__offline) {
        const fake: any = { readyState: 0, send() { throw new Error('not open'); }, close() {} };
        setTimeout(() => {
          fake.readyState = 3;
          fake.onerror?.({});
          fake.onclose?.({});
        }, 20);
        return fake;
      }
      const ws = new Native(url);
      const send = ws.send.bind(ws);
      ws.send = (data: string) => {
        // Only questions count here; the 'subscribe' frame (live clerk replies) is not an ask.
        const frame = JSON.parse(data);
        if (frame.type === 'ask') w.__asks.push(frame);
        send(data);
      };
      w.__real.push(ws);
      return ws;
    }
    Gated.prototype = Native.prototype;
    Object.assign(Gated, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
    w.WebSocket = Gated;
  });
}

describe('widget resilience', { timeout: 60_000 }, () => {
  it('still gives the answer when the WebSocket drops in the middle of it', async () => {
    const page = await newPage(env);
    let connections = 0;
    await page.routeWebSocket(/\/api\/chat\/ws$/, (ws) => {
      const server = ws.connectToServer();
      if (++connections > 1) return; // later connections pass straight through
      server.onMessage((frame) => {
        ws.send(frame);
        if (JSON.parse(String(frame)).type === 'delta') {
          ws.close(); // the network goes away after the first piece of the answer
          server.close();
        }
      });
    });
    await page.goto(hostPage(env, 'drop'));
    const answer = await ask(page, QUESTION);
    const w = widget(page);
    expect(connections).toBe(2);
    await expect(w.bot.count()).resolves.toBe(1);
    await expect(w.q('.msg.bot[aria-busy]').count()).resolves.toBe(0); // the cut-off partial answer is gone
    await expect(w.user.count()).resolves.toBe(1);
    await expect(answer.locator('.body').textContent()).resolves.toContain('Register at the population service');
    await expect(answer.locator('.body').textContent()).resolves.toContain('After registering you get a letter'); // the last step
    await expect(answer.locator('.card').count()).resolves.toBe(2);
    await expect(answer.locator('.card a.website').nth(1).getAttribute('href')).resolves.toBe('https://www.integratie-inburgering.be/');
    await expect(w.q('.msg.notice').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('falls back to POST /api/chat when WebSockets are blocked or missing', async () => {
    for (const [name, init] of [
      // A proxy that refuses the upgrade: sockets error out without ever opening.
      ['refused', () => {
        (window as any).WebSocket = function () {
          const fake: any = { send() {}, close() {} };
          setTimeout(() => (fake.onerror?.({}), fake.onclose?.({})), 10);
          return fake;
        };
      }],
      // No WebSocket at all.
      ['missing', () => void delete (window as any).WebSocket],
    ] as const) {
      const page = await newPage(env);
      await page.addInitScript(init);
      const posted: unknown[] = [];
      page.on('request', (r) => r.url().endsWith('/api/chat') && r.method() === 'POST' && posted.push(r.postDataJSON()));
      await page.goto(hostPage(env, `blocked-${name}`));
      const answer = await ask(page, QUESTION);
      expect(posted, name).toEqual([expect.objectContaining({ message: QUESTION, tenant: 'genk', language: 'en' })]);
      await expect(answer.locator('.body').textContent()).resolves.toContain('Register at the population service');
      await expect(answer.locator('.card').count()).resolves.toBe(2);
      await expect(answer.locator('.sources a').count()).resolves.toBe(1);
      await expect(widget(page).bot.count()).resolves.toBe(1);
      await page.context().close();
    }
  });

  it('keeps a message typed while offline and sends it exactly once when the connection is back', async () => {
    const page = await newPage(env);
    await gateWebSockets(page);
    await page.goto(hostPage(env, 'offline'));
    const w = widget(page);
    await w.launcher.click();
    await page.waitForFunction(() => (window as any).__real[0]?.readyState === 1);
    await page.evaluate(() => {
      (window as any).__offline = true;
      (window as any).__real[0].close(); // the connection is lost
    });
    await w.input.fill(QUESTION);
    await w.input.press('Enter');
    await w.q('.status').waitFor({ state: 'visible' });
    await expect(w.q('.status').textContent()).resolves.toBe('Connection lost. Reconnecting…');
    await expect(w.user.first().locator('.note').textContent()).resolves.toBe('Waiting for the connection. It will be sent automatically.');
    await page.waitForTimeout(1500); // a few failed reconnection attempts
    expect(await page.evaluate(() => (window as any).__asks.length)).toBe(0);
    await expect(w.bot.count()).resolves.toBe(0);

    await page.evaluate(() => {
      (window as any).__offline = false;
      window.dispatchEvent(new Event('online'));
    });
    await w.bot.first().locator('.fb').waitFor();
    await page.waitForTimeout(1000); // nothing more arrives
    const asks = await page.evaluate(() => (window as any).__asks.map((a: any) => a.message));
    expect(asks).toEqual([QUESTION]);
    await expect(w.bot.count()).resolves.toBe(1);
    await expect(w.q('.status').isVisible()).resolves.toBe(false);
    await expect(w.user.first().locator('.note').textContent()).resolves.toBe('');
    await page.context().close();
  });

  it('keeps the conversation across a reload, including a question still waiting to be sent', async () => {
    const page = await newPage(env);
    await gateWebSockets(page);
    await page.goto(hostPage(env, 'reload'));
    const first = await ask(page, QUESTION);
    await first.locator('[data-helpful=false]').click();
    const conversationId = await page.evaluate(() => (window as any).__asks[0].conversationId);

    // Offline, a second question is typed, and the page reloads before it could be sent.
    await page.evaluate(() => ((window as any).__offline = true, (window as any).__real[0].close()));
    const w = widget(page);
    await w.input.fill('How do I join a health insurance fund?');
    await w.input.press('Enter');
    await w.q('.status').waitFor({ state: 'visible' });
    await page.reload();

    await w.launcher.click();
    await expect(w.user.allTextContents()).resolves.toEqual(['You: How do I register at the town hall?', expect.stringContaining('You: How do I join a health insurance fund?')]);
    const restored = w.bot.first();
    await expect(restored.locator('.card').count()).resolves.toBe(2);
    await expect(restored.locator('.sources a').count()).resolves.toBe(1);
    await expect(restored.locator('[data-helpful=false]').getAttribute('aria-pressed')).resolves.toBe('true');
    // The waiting question goes out by itself, once, in the same conversation.
    await w.bot.nth(1).locator('.fb').waitFor();
    const asks = await page.evaluate(() => (window as any).__asks);
    expect(asks).toEqual([expect.objectContaining({ message: 'How do I join a health insurance fund?', conversationId })]);
    await expect(w.bot.nth(1).locator('.body').textContent()).resolves.toMatch(/health insurance|fund/i);
    const stored = env.app.db.prepare("SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND role = 'user'").get(conversationId);
    expect(stored).toEqual({ n: 2 });
    await page.context().close();
  });
});
