// Screenshots of key widget states → docs/widget/*.png. Run by hand: `npx tsx widget/screenshots.ts`
// (needs a built widget and Debian's chromium at /usr/bin/chromium). Uses the real knowledge base
// unless SCREENSHOT_FIXTURES=1. SCREENSHOT_DATA_DIR=data/eval reuses models already trained there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '../server/src/app';
import { buildWidget } from './build';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'widget');
fs.mkdirSync(out, { recursive: true });
await buildWidget();

const keepData = !!process.env.SCREENSHOT_DATA_DIR;
const dataDir = keepData ? path.resolve(process.env.SCREENSHOT_DATA_DIR!) : fs.mkdtempSync(path.join(os.tmpdir(), 'wd-shots-'));
const knowledgeDir = process.env.SCREENSHOT_FIXTURES ? path.join(root, 'test', 'fixtures', 'knowledge') : path.join(root, 'knowledge');
const app = await buildApp({ knowledgeDir, dataDir, logLevel: 'silent', rateLimitPerMinute: 0, defaultTenant: 'genk', widgetDir: path.join(root, 'widget') });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function shot(name: string, viewport: { width: number; height: number }, lang: string, question: string | null, focus = '.msg.user', expand = false) {
  const page: Page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(`${base}/demo/genk`);
  await page.evaluate((l) => window.WelcomeDesk!.setLanguage(l), lang);
  await page.locator('welcome-desk .launcher').click();
  if (question) {
    await page.locator('welcome-desk textarea').fill(question);
    await page.keyboard.press('Enter');
    await page.locator('welcome-desk .msg.bot .fb').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(200);
    // "Show all steps" opened: the rest of the card, below the short answer.
    if (expand) await page.locator('welcome-desk .msg.bot .more-wrap button').last().click();
    // Show the top of the answer and its cards.
    await page.locator(`welcome-desk ${focus}`).last().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  }
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`docs/widget/${name}.png`);
  await page.close();
}

try {
  const desktop = { width: 1280, height: 800 };
  const mobile = { width: 360, height: 740 };
  await shot('desktop-welcome', desktop, 'en', null);
  await shot('desktop-en', desktop, 'en', 'How do I register at the town hall?');
  await shot('desktop-en-cards', desktop, 'en', 'How do I register at the town hall?', '.msg.bot .cards');
  await shot('desktop-ar', desktop, 'ar', 'كيف أسجل في البلدية؟');
  await shot('mobile-en', mobile, 'en', 'How do I join a health insurance fund?');
  await shot('mobile-ar', mobile, 'ar', 'كيف أنضم إلى صندوق التأمين الصحي؟');
  await shot('mobile-more', mobile, 'en', 'How do I join a health insurance fund?', '.msg.bot .more-wrap', true);
} finally {
  await browser.close();
  await app.close();
  if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
}
