import path from 'node:path';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clerkRepliesSchema, loadClerkReplies, renderCanned } from '../../server/src/admin/clerk-replies';
import { SUPPORTED_LANGUAGES } from '../../server/src/language/languages';
import { tempDir } from '../helpers/test-app';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('clerk canned replies', () => {
  const replies = loadClerkReplies(path.join(ROOT, 'knowledge'));

  it('exist in all 15 languages with every placeholder filled', () => {
    expect(replies.replies.length).toBeGreaterThanOrEqual(10);
    const values = { date: '2027-03-04', time: '09:15', place: 'Loket 2', name: 'Dienst Bevolking', phone: '089 65 30 00', url: 'https://www.genk.be/', documents: replies.documents.slice(0, 2).map((d) => d.id) };
    for (const reply of replies.replies) {
      for (const lang of SUPPORTED_LANGUAGES) {
        const text = renderCanned(replies, reply.id, lang, values);
        expect(text, `${reply.id} ${lang}`).not.toMatch(/\{\w+\}/);
        if (reply.placeholders.includes('time')) expect(text).toContain('09:15');
      }
    }
  });

  it('keeps a Latin value in one piece inside a right-to-left reply (Unicode isolates), and adds nothing elsewhere', () => {
    const withPlace = replies.replies.find((r) => r.placeholders.includes('place'))!;
    const values = { date: '2027-03-04', time: '09:15', place: 'Stadhuis Genk, loket 3', name: 'Dienst Bevolking', phone: '089 65 30 00', url: 'https://www.genk.be/', documents: [] as string[] };
    for (const p of withPlace.placeholders) if (p === 'documents') values.documents = [replies.documents[0].id];
    for (const lang of ['ar', 'fa', 'ps'] as const) expect(renderCanned(replies, withPlace.id, lang, values)).toContain('\u2068Stadhuis Genk, loket 3\u2069');
    for (const lang of ['nl', 'fr', 'uk'] as const) expect(renderCanned(replies, withPlace.id, lang, values)).not.toMatch(/[\u2066-\u2069]/);
  });

  it('rejects a translation that drops or invents a placeholder', () => {
    const broken = structuredClone(replies) as { documents: unknown[]; replies: { placeholders: string[]; text: Record<string, string> }[] };
    const withDate = broken.replies.find((r) => r.placeholders.includes('date'))!;
    withDate.text.ti = withDate.text.ti.replace('{date}', '');
    withDate.text.pl = `${withDate.text.pl} {datum}`;
    const parsed = clerkRepliesSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining([expect.stringMatching(/text\.ti$/), expect.stringMatching(/text\.pl$/)]));
  });
});

describe('npm run users:add', () => {
  it('adds a clerk for a municipality with the password from standard input, and refuses unknown towns', () => {
    const dataDir = tempDir('wd-users-');
    try {
      const env = { ...process.env, DATA_DIR: dataDir, KNOWLEDGE_DIR: path.join(ROOT, 'test', 'fixtures', 'knowledge') };
      const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
      const cli = path.join(ROOT, 'server', 'src', 'admin', 'users-cli.ts');
      const out = execFileSync(tsx, [cli, 'add', '--email', 'sofie@genk.be', '--role', 'clerk', '--tenant', 'genk'], { env, input: 'a long enough password\n' }).toString();
      expect(out).toContain('Added clerk sofie@genk.be for genk');
      expect(fs.existsSync(path.join(dataDir, 'welcome-desk.db'))).toBe(true);
      expect(() => execFileSync(tsx, [cli, 'add', '--email', 'x@y.be', '--tenant', 'atlantis'], { env, input: 'a long enough password\n', stdio: 'pipe' })).toThrow(/Unknown municipality: atlantis/);
      expect(() => execFileSync(tsx, [cli, 'add', '--email', 'x@y.be', '--tenant', 'genk'], { env, input: 'short\n', stdio: 'pipe' })).toThrow(/at least 10 characters/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
