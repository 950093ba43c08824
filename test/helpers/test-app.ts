import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from '../../server/src/app';
import type { ConfigInput } from '../../server/src/config';

export const FIXTURE_KNOWLEDGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/knowledge');

export function tempDir(prefix = 'wd-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** An app over the tiny fixture knowledge, with its own data folder, that is cleaned up on close. */
export async function buildTestApp(config: ConfigInput = {}, options: BuildOptions = {}): Promise<FastifyInstance> {
  const dataDir = config.dataDir ?? tempDir();
  const app = await buildApp(
    { knowledgeDir: FIXTURE_KNOWLEDGE, dataDir, logLevel: 'silent', rateLimitPerMinute: 0, defaultTenant: 'genk', ...config },
    options,
  );
  app.addHook('onClose', async () => {
    if (!config.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return app;
}
