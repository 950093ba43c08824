import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTargets } from '../../server/build';
// @ts-expect-error: a plain JavaScript module (it runs before anything is built), without type declarations.
import { staleTargets } from '../../scripts/build-if-stale.mjs';

// A real server process (`node dist/server.js`, as `npm start` and the Docker image run it), for tests that
// must signal it: kill -9 cannot be tried on an app built inside the test's own process.

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds dist/server.js when a source it is made from changed, as `npm start` does (not the widget: not needed). */
export async function buildServerIfStale(): Promise<void> {
  if ((staleTargets as (root: string) => string[])(ROOT).includes('server')) await buildTargets(['server']);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ServerProcess {
  /** The pid of node itself (spawned directly, no shell or npm in between): the process that listens. */
  pid: number;
  url: string;
  child: ChildProcess;
  /** Resolves with the signal (or exit code) once the process is gone. */
  exited: Promise<NodeJS.Signals | number | null>;
  /** What it wrote to stdout and stderr so far, for failure messages. */
  output(): string;
  /** SIGTERM (a graceful close), then SIGKILL if it is still there after `ms`. */
  stop(ms?: number): Promise<void>;
}

/** Starts `node dist/server.js` with `env` on a free port and waits until /health/ready answers 200. */
export async function startServer(env: Record<string, string>, readyWithinMs = 60_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server.js'], {
    cwd: ROOT,
    env: { ...process.env, LOG_PRETTY: 'false', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + readyWithinMs;
  for (;;) {
    if (gone()) throw new Error(`the server exited before it was ready:\n${output}`);
    const ready = await fetch(`${url}/health/ready`).then((r) => r.status === 200, () => false);
    if (ready) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within ${readyWithinMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    pid: child.pid!, url, child, exited, output: () => output,
    async stop(ms = 5_000) {
      if (gone()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      await exited;
      clearTimeout(timer);
    },
  };
}
