import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, newPage, startEnv, type WidgetEnv } from '../widget/browser-env';

// Issue 13, finding 7: the demo page now has a strict CSP (scripts from our origin only, no inline script).
// In Chromium the widget still loads through the versioned URL, opens its WebSocket and answers, and the
// browser reports no CSP violation.

let env: WidgetEnv;
beforeAll(async () => {
  env = await startEnv();
}, 60_000);
afterAll(async () => env?.close());

describe('the demo page under its CSP', () => {
  it('runs the widget, streaming over the WebSocket, without a single CSP violation', async () => {
    const page = await newPage(env);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    const res = await page.goto(`${env.base}/demo/genk`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    const answer = await ask(page, 'How do I register at the town hall?');
    expect((await answer.textContent())?.length).toBeGreaterThan(20);
    expect(sockets.some((u) => u.endsWith('/api/chat/ws'))).toBe(true);
    expect(violations).toEqual([]);
    await page.context().close();
  }, 60_000);
});
