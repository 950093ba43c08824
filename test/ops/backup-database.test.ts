import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../server/src/ops/backup-database';
import { tempDir } from '../helpers/test-app';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run backup', () => {
  it('copies a consistent database while it is open for writing in WAL mode, with the app secret', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const live = new Database(path.join(dataDir, 'welcome-desk.db'));
    live.pragma('journal_mode = WAL');
    live.exec('CREATE TABLE messages (id INTEGER PRIMARY KEY, text TEXT)');
    const insert = live.prepare('INSERT INTO messages (text) VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run(`question ${i}`);
    fs.writeFileSync(path.join(dataDir, 'app-secret'), 'c2VjcmV0');
    // The rows sit in the WAL file, not yet in the main file: a plain file copy would miss them.
    expect(fs.statSync(path.join(dataDir, 'welcome-desk.db-wal')).size).toBeGreaterThan(0);

    const result = await backupDatabase(dataDir, path.join(dataDir, 'backups'), new Date('2026-12-07T10:00:00Z'));
    live.close();
    expect(result.dir).toBe(path.join(dataDir, 'backups', '2026-12-07T10-00-00-000Z'));
    expect(result.secret).toBe(true);
    expect(fs.readFileSync(path.join(result.dir, 'app-secret'), 'utf8')).toBe('c2VjcmV0');
    const copy = new Database(result.database, { readonly: true });
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 500 });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
  });

  it('says so when there is no database to back up', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    await expect(backupDatabase(dataDir, path.join(dataDir, 'backups'))).rejects.toThrow(/No database/);
  });
});
