import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, handOver, newcomerAsks, PASSWORD } from './admin-helpers';
import { consolePage, seriousViolations, signInWithForm, startConsoleEnv, type ConsoleEnv } from './console-env';

// The clerk's console at /admin (issue 12) in a real browser: sign in, answer a request with a canned
// reply, switch language, and axe-core on the inbox, local-information and figures views.

let env: ConsoleEnv;
let base: string;
let conv: { conversationId: string; token: string };
let handoverId: number;

beforeAll(async () => {
  env = await startConsoleEnv(async (app) => {
    await addUser(app, 'clerk@genk.be', 'clerk', ['genk']);
    const asked = await newcomerAsks(app, 'genk', 'Comment m\'inscrire à la commune ?');
    if (!asked.conversationId) throw new Error(`the newcomer's question failed: ${JSON.stringify(asked.body)}`);
    conv = asked;
    handoverId = await handOver(app, conv, 'genk', 'fr');
  });
  base = env.base;
});
afterAll(async () => env?.close());

describe('the clerk\'s console', () => {
  it('serves the page and its script without inline script', async () => {
    const html = await (await fetch(`${base}/admin`)).text();
    expect(html).toContain('<script src="/admin/console.js"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await fetch(`${base}/admin/console.js`)).status).toBe(200);
  });

  it('signs in, answers a request with a canned reply, switches to Dutch, and passes axe', async () => {
    const { page, errors } = await consolePage(env);
    await page.goto(`${base}/admin`);

    // Sign in through the form (a wrong password first: the server's message is announced).
    await page.getByLabel('E-mail address').waitFor();
    const signInViolations = await seriousViolations(page);
    expect(signInViolations, JSON.stringify(signInViolations, null, 2)).toEqual([]);
    await page.getByLabel('E-mail address').fill('clerk@genk.be');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'not right' }).waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 2 }).waitFor();

    // Open the request: focus goes to its heading, the newcomer's language is shown.
    await page.getByRole('button', { name: `Open #${handoverId}` }).click();
    const heading = page.getByRole('heading', { name: `Request #${handoverId}` });
    await heading.waitFor();
    await page.getByText('The newcomer writes in:').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'detail-title');
    await page.locator('.writes-in').filter({ hasText: 'French' }).waitFor();
    expect(await page.locator('.transcript li').count()).toBeGreaterThanOrEqual(2);
    // The assistant's answer reads as the newcomer saw it: organisations in bold, no markdown signs.
    const answer = page.locator('.transcript .msg.assistant').first();
    expect(await answer.locator('strong').count()).toBeGreaterThan(0);
    expect(await answer.textContent()).not.toContain('**');

    // A canned reply with a date, a time, a place and documents; the preview is in French.
    await page.getByLabel('Ready-made reply').selectOption({ label: 'Appointment at the town hall' });
    await page.getByLabel('Date', { exact: true }).fill('2027-01-12');
    await page.getByLabel('Time', { exact: true }).fill('14:30');
    await page.getByLabel('Place').fill('Stadhuis Genk, loket 3');
    await page.getByLabel('your passport').check();
    await page.getByLabel('your rental contract').check();
    const preview = page.locator('.preview');
    await preview.filter({ hasText: 'votre passeport' }).waitFor();
    expect(await preview.getAttribute('lang')).toBe('fr');
    expect(await preview.textContent()).toContain('12 janvier 2027');

    // Axe on the inbox with the request open.
    const inboxViolations = await seriousViolations(page);
    expect(inboxViolations, JSON.stringify(inboxViolations, null, 2)).toEqual([]);

    await page.getByRole('button', { name: 'Send ready-made reply' }).click();
    await page.locator('.transcript .msg.clerk').filter({ hasText: 'Stadhuis Genk, loket 3' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Reply sent.' }).waitFor();

    // The newcomer's side sees it through the API, in French.
    const replies = await (await fetch(`${base}/api/conversations/${conv.conversationId}/replies?after=0`, { headers: { authorization: `Bearer ${conv.token}` } })).json();
    expect(replies.replies).toHaveLength(1);
    expect(replies.replies[0]).toMatchObject({ language: 'fr' });
    expect(replies.replies[0].text).toContain('votre passeport');
    expect(replies.replies[0].text).toContain('12 janvier 2027');
    expect(replies.replies[0].text).toContain('14:30');

    // A free-text reply also shows in the transcript.
    await page.getByLabel('Your reply (free text)').fill('Bonjour, je suis Sofie de la commune.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.locator('.transcript .msg.clerk').filter({ hasText: 'je suis Sofie' }).waitFor();

    // Local information: the organisations table, then axe.
    await page.getByRole('button', { name: 'Local information' }).click();
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    await page.getByRole('table', { name: 'Organisations' }).or(page.getByText('Nothing here yet.')).first().waitFor();
    await page.getByRole('button', { name: 'Add an organisation' }).click();
    await page.locator('form.actor-form').waitFor();
    await page.locator('form.settings').waitFor();
    const localViolations = await seriousViolations(page);
    expect(localViolations, JSON.stringify(localViolations, null, 2)).toEqual([]);

    // A validation message from the server is shown (role=alert) when the form is not right.
    await page.getByLabel('Identifier (lowercase-with-dashes)').fill('genk-test-desk');
    await page.getByLabel('Name', { exact: true }).first().fill('Test desk');
    await page.getByLabel('registration').check();
    await page.getByLabel(/^Sources/).fill('Stad Genk | not-a-url');
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await page.locator('form.actor-form [role=alert]').filter({ hasText: /sources|url/i }).waitFor();
    await page.getByLabel(/^Sources/).fill('Stad Genk | https://www.genk.be/');
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await page.getByRole('cell', { name: 'Test desk' }).or(page.getByRole('rowheader', { name: 'Test desk' })).first().waitFor();

    // The console in Dutch: labels, <html lang> and the saved choice.
    await page.getByLabel('Console language').selectOption('nl');
    await page.getByRole('button', { name: 'Lokale informatie' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await page.getByRole('button', { name: 'Inbox' }).click();
    await page.getByLabel('Status').waitFor();
    expect(await page.getByRole('button', { name: 'Afmelden' }).count()).toBe(1);
    await page.reload();
    await page.getByRole('button', { name: 'Lokale informatie' }).waitFor();

    // Signing out brings back the form.
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('announces new requests, lists unanswered questions, imports a sheet, and draws the figures', async () => {
    const { page, errors } = await consolePage(env);
    await signInWithForm(page, base, 'clerk@genk.be');

    // A new request arrives: the next refresh announces it in the live region.
    const other = await newcomerAsks(env.app, 'genk', 'Where can I park my boat in winter?');
    const newId = await handOver(env.app, other, 'genk', 'ar');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.locator('[aria-live=polite]').filter({ hasText: `#${newId}` }).waitFor();

    // Unanswered questions: the boat question is there; mark it handled.
    await page.getByRole('button', { name: 'Unanswered questions' }).click();
    await page.getByRole('cell', { name: 'Where can I park my boat in winter?' }).waitFor();
    expect(await page.getByRole('link', { name: /Export as eval cases/ }).getAttribute('href')).toContain('/api/admin/questions/unanswered/export');
    await page.getByRole('button', { name: /Mark as handled: Where can I park my boat/ }).click();
    await page.getByRole('status').filter({ hasText: 'Handled' }).waitFor();
    const groups = (await (await page.request.get(`${base}/api/admin/questions/unanswered`)).json()).groups as { example: string; handled: boolean }[];
    expect(groups.find((g) => g.example.includes('boat'))?.handled).toBe(true);

    // Import: a dry run first (nothing changes), then apply.
    await page.getByRole('button', { name: 'Local information' }).click();
    await page.getByRole('table', { name: 'Organisations' }).waitFor();
    const csv = 'Naam;Type;Thema\'s;Regio;Provincie;Gemeente;Website;Opmerking\r\nBuurtwerk Zuid;vzw;vrije tijd;Vlaanderen;Limburg;genk;https://www.genk.be/;intern\r\n';
    await page.getByLabel('Spreadsheet to import (CSV or XLSX)').setInputFiles({ name: 'lijst.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('status').filter({ hasText: 'Check only' }).waitFor();
    await page.getByRole('cell', { name: 'buurtwerk-zuid' }).waitFor();
    await page.getByRole('cell', { name: 'Opmerking' }).waitFor();
    expect(await page.getByRole('rowheader', { name: 'Buurtwerk Zuid' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Apply the import' }).click();
    await page.getByRole('status').filter({ hasText: 'The import was applied.' }).waitFor();
    await page.getByRole('rowheader', { name: 'Buurtwerk Zuid' }).waitFor();
    expect(await page.getByRole('link', { name: 'Export as XLSX' }).getAttribute('href')).toBe('/api/admin/actors/export?tenant=genk&format=xlsx');

    // The welcome point and allowed websites save as they are.
    await page.locator('form.settings').getByRole('button', { name: 'Save' }).click();
    await page.locator('form.settings').getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    // Mark as verified, then delete (confirmed).
    await page.getByRole('button', { name: 'Mark as verified: Buurtwerk Zuid' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved. Buurtwerk Zuid' }).waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete: Buurtwerk Zuid' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed: Buurtwerk Zuid' }).waitFor();
    expect(await page.getByRole('rowheader', { name: 'Buurtwerk Zuid' }).count()).toBe(0);

    // Figures: a chart with a text alternative, and the request counts.
    await page.getByRole('button', { name: 'Figures' }).click();
    await page.getByRole('img', { name: /Questions per day/ }).waitFor();
    await page.getByText('The same figures as a table').click();
    await page.getByRole('table', { name: 'Questions per day' }).waitFor();
    const figureViolations = await seriousViolations(page);
    expect(figureViolations, JSON.stringify(figureViolations, null, 2)).toEqual([]);

    // Audit log: the import and the reply are there.
    await page.getByRole('button', { name: 'Audit log' }).click();
    await page.getByRole('cell', { name: 'actors-import' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('starts in the browser\'s language and lets a maintainer pick a municipality', async () => {
    await addUser(env.app, 'maintainer@welcome-desk.be', 'maintainer', []);
    const { page, errors } = await consolePage(env, 'fr-BE');
    await page.goto(`${base}/admin`);
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByLabel('Adresse e-mail').fill('maintainer@welcome-desk.be');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Boîte de réception', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Informations locales' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choisissez d\'abord une commune.' }).waitFor();
    await page.getByLabel('Commune').fill('genk');
    await page.getByLabel('Commune').press('Enter');
    await page.getByRole('table', { name: 'Organisations' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
