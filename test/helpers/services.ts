import { randomBytes } from 'node:crypto';
import pg from 'pg';

// The scale-out tests need a real PostgreSQL and Redis (issue 14). .ci/services.sh starts both and sets these
// in CI; locally, tests that need them are skipped when they are unset.
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

/** A short random suffix, so that concurrent test files never share a schema, channel or key. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export interface TestSchema {
  name: string;
  /** TEST_DATABASE_URL with this schema first on the search path: every unqualified table lands in it. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL schema for one test file; drop() removes it with everything in it. */
export async function createTestSchema(): Promise<TestSchema> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = uniqueName('t');
  await adminQuery(`CREATE SCHEMA ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { name, url: url.toString(), drop: () => adminQuery(`DROP SCHEMA IF EXISTS ${name} CASCADE`) };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
