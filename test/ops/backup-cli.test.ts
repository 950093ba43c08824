import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/test-app';

// Issue 14: `npm run backup` copies the SQLite file only. With DATABASE_URL it must say that PostgreSQL is not
// in the backup and point to pg_dump, so that nobody takes it for a backup of the shared state.
const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function backup(env: Record<string, string>) {
  const dataDir = tempDir();
  dirs.push(dataDir);
  new Database(path.join(dataDir, 'welcome-desk.db')).exec('CREATE TABLE t (x)').close();
  const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/src/ops/backup-cli.ts'], {
    cwd: root, env: { ...process.env, DATABASE_URL: '', ...env, DATA_DIR: dataDir },
  });
  return { stdout, stderr, backups: fs.readdirSync(path.join(dataDir, 'backups')) };
}

describe('npm run backup and PostgreSQL', () => {
  it('says nothing of PostgreSQL in the embedded mode', async () => {
    const { stdout, stderr, backups } = await backup({});
    expect(stdout).toMatch(/^Backed up the database/);
    expect(stderr).not.toContain('PostgreSQL');
    expect(backups).toHaveLength(1);
  });

  it('says that PostgreSQL is not backed up and points to pg_dump when DATABASE_URL is set', async () => {
    const { stdout, stderr, backups } = await backup({ DATABASE_URL: 'postgres://welcome:secret@db.invalid:5432/welcome' });
    expect(stderr).toContain('does not back up PostgreSQL');
    expect(stderr).toContain('pg_dump -Fc');
    expect(stderr).not.toContain('secret'); // the URL, with its password, is not echoed
    expect(stdout).toMatch(/^Backed up the local SQLite file/);
    expect(backups).toHaveLength(1);
  });
});
