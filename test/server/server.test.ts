import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/server-process';
import { FIXTURE_KNOWLEDGE, tempDir } from '../helpers/test-app';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
let child: ChildProcess;
let port: number;
let dataDir: string;
let output = '';

beforeAll(async () => {
  port = await freePort();
  dataDir = tempDir();
  child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/src/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, DEFAULT_TENANT: 'genk', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${output}`);
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the real server', () => {
  it('answers over HTTP on its port and keeps its data on disk', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'How do I register at the town hall?' }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ answered: true, topic: 'registration', language: 'en' });
    // The conversation is on disk, in the data folder.
    expect(fs.existsSync(path.join(dataDir, 'welcome-desk.db'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'index', 'vectors', 'en', 'hnswlib.index'))).toBe(true);
  });

  it('closes gracefully on SIGTERM', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
