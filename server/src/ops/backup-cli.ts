// `npm run backup [-- --out DIR]` (or `node dist/backup-cli.js` in the container): an online backup of the
// conversation database into DIR/<timestamp>/ (default DATA_DIR/backups). See docs/operations.md.
// SQLite only: with DATABASE_URL the shared state is in PostgreSQL, which needs pg_dump (issue 14).
import path from 'node:path';
import { loadConfig } from '../config';
import { backupDatabase } from './backup-database';

async function main() {
  const config = loadConfig();
  if (config.databaseUrl) {
    // Said first and on stderr, so that a cron job written for the embedded mode does not look like it covers PostgreSQL.
    console.error('DATABASE_URL is set: this does not back up PostgreSQL, where conversations, handovers, clerks and edits are. '
      + 'Use pg_dump -Fc (docs/operations.md, "Backups"). Backing up only the local SQLite file in DATA_DIR, which holds nothing shared in this mode.');
  }
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : path.join(config.dataDir, 'backups'));
  const result = await backupDatabase(path.resolve(config.dataDir), outDir);
  console.log(`Backed up ${config.databaseUrl ? 'the local SQLite file' : 'the database'} (${(result.bytes / 1024).toFixed(0)} KB)${result.secret ? ' and the app secret' : ''} to ${result.dir}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
