// `npm run users:add -- --email E --role clerk|maintainer --tenant genk [--tenant hasselt]` (password on stdin)
// `npm run users:api-key -- --tenant genk [--label "website sync"]` (prints the key once)
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../config';
import { createDb } from '../db/create-db';
import { migrateToLatest } from '../db/database';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { MIN_PASSWORD_LENGTH } from './passwords';
import { createUserStore } from './user-store';

function values(args: string[], flag: string): string[] {
  return args.flatMap((a, i) => (a === flag && args[i + 1] && !args[i + 1].startsWith('--') ? [args[i + 1]] : []));
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (end with Enter, then Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfig();
  const known = new Set(loadKnowledge(config.knowledgeDir).knowledge.tenants.map((t) => t.slug));
  const tenants = values(args, '--tenant');
  const unknown = tenants.filter((t) => !known.has(t));
  if (unknown.length) throw new Error(`Unknown municipality: ${unknown.join(', ')} (use the slug, e.g. "sint-niklaas").`);
  // The same database as the server: PostgreSQL when DATABASE_URL is set (issue 14), else the SQLite file.
  let connection: Database.Database | undefined;
  if (!config.databaseUrl) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    connection = new Database(path.join(path.resolve(config.dataDir), 'welcome-desk.db'));
  }
  const { db, engine } = createDb({ databaseUrl: config.databaseUrl, sqlite: connection, poolSize: 1 });
  try {
    await migrateToLatest(db);
    const users = createUserStore(db);
    if (command === 'add') {
      const email = values(args, '--email')[0];
      const role = values(args, '--role')[0] ?? 'clerk';
      if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error('Give an e-mail address: --email clerk@genk.be');
      if (role !== 'clerk' && role !== 'maintainer') throw new Error('--role is clerk or maintainer');
      if (role === 'clerk' && !tenants.length) throw new Error('A clerk works for at least one municipality: --tenant genk');
      const password = await readStdin();
      if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`The password needs at least ${MIN_PASSWORD_LENGTH} characters (read from standard input).`);
      if (await users.exists(email)) {
        await users.setPassword(email, password);
        console.log(`Updated the password of ${email}.`);
        return;
      }
      const user = await users.create({ email, password, role, tenants });
      console.log(`Added ${user.role} ${user.email}${user.tenants.length ? ` for ${user.tenants.join(', ')}` : ''}.`);
    } else if (command === 'api-key') {
      if (tenants.length !== 1) throw new Error('An API key is for one municipality: --tenant genk');
      const { key } = await users.createApiKey(tenants[0], values(args, '--label')[0] ?? null, null);
      console.log(`API key for ${tenants[0]} (shown once; send it as "Authorization: Bearer <key>"):\n${key}`);
    } else {
      throw new Error('Usage: users-cli add --email E --role clerk|maintainer --tenant SLUG … | api-key --tenant SLUG [--label L]');
    }
  } finally {
    // Kysely's SQLite driver closes the connection it was given; the pool is ended for PostgreSQL.
    await db.destroy();
    if (engine === 'sqlite') connection?.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
