// `npm run backup [-- --out DIR]` (or `node dist/backup-cli.js` in the container): an online backup of the
// conversation database into DIR/<timestamp>/ (default DATA_DIR/backups). See docs/operations.md.
import path from 'node:path';
import { loadConfig } from '../config';
import { backupDatabase } from './backup-database';

async function main() {
  const config = loadConfig();
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : path.join(config.dataDir, 'backups'));
  const result = await backupDatabase(path.resolve(config.dataDir), outDir);
  console.log(`Backed up the database (${(result.bytes / 1024).toFixed(0)} KB)${result.secret ? ' and the app secret' : ''} to ${result.dir}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
