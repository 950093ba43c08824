// Screenshots of the clerk's console and of a clerk's reply in the widget → docs/console/*.png. Run by hand:
// `npx tsx widget/console-screenshots.ts` (needs Debian's chromium at /usr/bin/chromium). Uses the real
// knowledge base. SCREENSHOT_DATA_DIR=data/eval reuses the models already trained there: they are copied into
// a temporary folder (without its database), so the clerk and the conversations seeded here land nowhere else.
// Without it the models are trained first, which takes minutes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { createUserStore } from '../server/src/admin/user-store';
import { buildApp } from '../server/src/app';
import { buildConsole, buildWidget } from './build';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'console');
fs.mkdirSync(out, { recursive: true });
await buildWidget();
await buildConsole();

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-console-shots-'));
if (process.env.SCREENSHOT_DATA_DIR) {
  const from = path.resolve(process.env.SCREENSHOT_DATA_DIR);
  fs.cpSync(from, dataDir, { recursive: true, filter: (src) => !/^(welcome-desk\.db.*|app-secret)$/.test(path.basename(src)) });
}
const app = await buildApp({ knowledgeDir: path.join(root, 'knowledge'), dataDir, logLevel: 'silent', rateLimitPerMinute: 0, defaultTenant: 'genk', widgetDir: path.join(root, 'widget') });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const CLERK = 'an.peeters@genk.be';
const PASSWORD = 'screenshots only, not a real password';

/** A newcomer's question through the public API; returns the conversation and its token. */
async function asks(message: string, conv?: { conversationId: string; token: string }) {
  const res = await fetch(`${base}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(conv ? { authorization: `Bearer ${conv.token}` } : {}) },
    body: JSON.stringify({ message, tenant: 'genk', ...(conv ? { conversationId: conv.conversationId } : {}) }),
  });
  const body = await res.json() as { conversationId: string; conversationToken?: string; answered?: boolean };
  if (!res.ok) throw new Error(`POST /api/chat ${res.status}: ${JSON.stringify(body)}`);
  return { conversationId: body.conversationId, token: body.conversationToken ?? conv!.token };
}

/** The widget's "Talk to a person", through the public API. */
async function handsOver(conv: { conversationId: string; token: string }, language: string, contact: string, note?: string) {
  const res = await fetch(`${base}/api/handover`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${conv.token}` },
    body: JSON.stringify({ conversationId: conv.conversationId, tenant: 'genk', language, contact, ...(note ? { note } : {}) }),
  });
  if (res.status !== 201) throw new Error(`POST /api/handover ${res.status}: ${await res.text()}`);
}

async function seed() {
  await createUserStore(app.database.db).create({ email: CLERK, password: PASSWORD, role: 'clerk', tenants: ['genk'] });
  // Requests for a person, in several languages.
  const fr = await asks('Comment m\'inscrire à la commune quand j\'arrive à Genk ?');
  await handsOver(fr, 'fr', 'marie.dubois@example.be');
  const uk = await asks('Де я можу записатися на курс нідерландської мови?');
  await asks('У мене двоє дітей, чи є курси вдень?', uk);
  await handsOver(uk, 'uk', '0470 12 34 56');
  const tr = await asks('Kira sözleşmemi nereye kaydettirmem gerekiyor?');
  await handsOver(tr, 'tr', '0485 98 76 54');
  // Questions the assistant cannot answer from the knowledge: they end up in "Unanswered questions".
  for (const q of [
    'Where can I park my boat in winter?',
    'Where can I park a boat during the winter?',
    'Où puis-je garer mon bateau en hiver ?',
    'Can I have a barbecue in the city park?',
    'Is barbecuing allowed in the park?',
    'Wo kann ich einen Angelschein bekommen?',
    'Чи можна ловити рибу в озері?',
    'Is my dog allowed in the swimming pool?',
  ]) await asks(q);
}

/** The newcomer's page: the Genk demo with the widget in Arabic. */
async function newcomerAsksForAPerson(page: Page) {
  await page.goto(`${base}/demo/genk`);
  await page.evaluate(() => window.WelcomeDesk!.setLanguage('ar'));
  const w = page.locator('welcome-desk');
  await w.locator('.launcher').click();
  await w.locator('textarea').fill('كيف أسجل في البلدية؟');
  await page.keyboard.press('Enter');
  await w.locator('.msg.bot .fb').first().waitFor({ timeout: 30_000 });
  await w.locator('button', { hasText: 'التحدث مع شخص' }).click();
  await w.locator('form.handover input').first().fill('0470 55 66 77');
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/handover'));
  await w.locator('button', { hasText: 'إرسال الطلب' }).click();
  const res = await sent;
  if (res.status() !== 201) throw new Error(`the widget's handover failed: ${res.status()}`);
  return (await res.json()).id as number;
}

try {
  await seed();
  const newcomer = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })).newPage();
  const arabicId = await newcomerAsksForAPerson(newcomer);

  const clerk = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1300 }, deviceScaleFactor: 1 })).newPage();
  await clerk.goto(`${base}/admin`);
  await clerk.getByLabel('E-mail address').fill(CLERK);
  await clerk.getByLabel('Password').fill(PASSWORD);
  await clerk.getByRole('button', { name: 'Sign in' }).click();
  await clerk.getByRole('heading', { name: 'Inbox', level: 2 }).waitFor();
  await clerk.getByRole('button', { name: `Open #${arabicId}` }).click();
  await clerk.locator('.writes-in').filter({ hasText: 'Arabic' }).waitFor();
  await clerk.getByLabel('Ready-made reply').selectOption({ label: 'Appointment at the town hall' });
  await clerk.getByLabel('Date', { exact: true }).fill('2027-01-12');
  await clerk.getByLabel('Time', { exact: true }).fill('10:30');
  await clerk.getByLabel('Place').fill('Stadhuis Genk, loket 3');
  await clerk.getByLabel('your passport').check();
  await clerk.getByLabel('your rental contract').check();
  await clerk.locator('.preview').filter({ hasText: 'جواز سفرك' }).waitFor();
  // Nothing focused: no focus ring in the picture.
  await clerk.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Down to the canned reply's send button (the free-text form below it is left out).
  await clerk.evaluate(() => window.scrollTo(0, 0));
  const canned = (await clerk.locator('form.canned').boundingBox())!;
  await clerk.screenshot({ path: path.join(out, 'inbox.png'), fullPage: true, clip: { x: 0, y: 0, width: 1400, height: Math.ceil(canned.y + canned.height + 16) } });
  console.log('docs/console/inbox.png');

  await clerk.getByRole('button', { name: 'Send ready-made reply' }).click();
  await clerk.getByRole('status').filter({ hasText: 'Reply sent.' }).waitFor();

  // The newcomer's widget, still open, shows the reply (live, over its socket).
  const reply = newcomer.locator('welcome-desk .msg.clerk').last();
  await reply.waitFor({ timeout: 15_000 });
  await newcomer.locator('welcome-desk .msg.user').last().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await reply.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await newcomer.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await newcomer.screenshot({ path: path.join(out, 'reply-in-widget-ar.png') });
  console.log('docs/console/reply-in-widget-ar.png');

  await clerk.getByRole('button', { name: 'Unanswered questions' }).click();
  const groups = clerk.getByRole('table', { name: 'Unanswered questions' });
  await groups.waitFor();
  await clerk.setViewportSize({ width: 1280, height: 900 });
  await clerk.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await clerk.evaluate(() => window.scrollTo(0, 0));
  const table = (await groups.boundingBox())!;
  await clerk.screenshot({ path: path.join(out, 'unanswered.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(table.y + table.height + 24) } });
  console.log('docs/console/unanswered.png');
} finally {
  await browser.close();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
