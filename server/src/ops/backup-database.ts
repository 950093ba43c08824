import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface BackupResult {
  dir: string;
  database: string;
  bytes: number;
  /** Whether the generated app secret was copied too (absent when APP_SECRET is set in the environment). */
  secret: boolean;
}

/**
 * Copies the conversation database while the server keeps running, through SQLite's online backup API
 * (better-sqlite3's `backup()`): a consistent snapshot even in WAL mode, which copying the file is not.
 * The generated `app-secret` goes along, without which sessions and conversation tokens stop being valid.
 * The search index and the models are not copied: they are rebuilt from the knowledge at start.
 */
export async function backupDatabase(dataDir: string, outDir: string, now = new Date()): Promise<BackupResult> {
  const source = path.join(dataDir, 'welcome-desk.db');
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}.`);
  const dir = path.join(outDir, now.toISOString().replace(/[:.]/g, '-'));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const database = path.join(dir, 'welcome-desk.db');
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(database);
  } finally {
    db.close();
  }
  const secretFile = path.join(dataDir, 'app-secret');
  const secret = fs.existsSync(secretFile);
  if (secret) fs.copyFileSync(secretFile, path.join(dir, 'app-secret'));
  return { dir, database, bytes: fs.statSync(database).size, secret };
}
