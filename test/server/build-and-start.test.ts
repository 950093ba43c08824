import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module (it runs before anything is built), without type declarations.
import { staleTargets } from '../../scripts/build-if-stale.mjs';
import { freePort } from '../helpers/server-process';
import { FIXTURE_KNOWLEDGE, tempDir } from '../helpers/test-app';

// Issue 13, finding 10: `npm start` ran `tsx`, and kill -9 on that wrapper left the real server holding the
// port. Now it builds what is stale and execs `node dist/server.js`: the listening process is node itself.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const stale = staleTargets as (root: string) => string[];

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

const procStat = (pid: number) => fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
const parentOf = (pid: number) => Number(procStat(pid).split(') ')[1].split(' ')[1]);
const argvOf = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
const childrenOf = (pid: number) =>
  fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((p) => {
    try {
      return parentOf(p) === pid;
    } catch {
      return false;
    }
  });

const cleanup: string[] = [];
let npm: ChildProcess | undefined;
afterAll(() => {
  if (npm && npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
  for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
});

describe('build when stale', () => {
  function project(): string {
    const dir = tempDir('wd-build-');
    cleanup.push(dir);
    for (const file of ['dist/server.js', 'widget/dist/widget.js', 'server/src/app.ts', 'widget/src/index.ts']) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), '');
    }
    const manifest = {
      server: { outputs: ['dist/server.js'], inputs: ['server/src/app.ts'] },
      widget: { outputs: ['widget/dist/widget.js'], inputs: ['widget/src/index.ts', 'server/src/app.ts'] },
    };
    fs.writeFileSync(path.join(dir, 'dist/build-manifest.json'), JSON.stringify(manifest));
    const at = (file: string, seconds: number) => fs.utimesSync(path.join(dir, file), seconds, seconds);
    at('server/src/app.ts', 1000);
    at('widget/src/index.ts', 1000);
    at('dist/server.js', 2000);
    at('widget/dist/widget.js', 2000);
    return dir;
  }

  it('builds nothing when every output is newer than its sources', () => {
    expect(stale(project())).toEqual([]);
  });

  it('rebuilds only the widget when only a widget source changed', () => {
    const dir = project();
    fs.utimesSync(path.join(dir, 'widget/src/index.ts'), 3000, 3000);
    expect(stale(dir)).toEqual(['widget']);
  });

  it('rebuilds both when a source they share changed', () => {
    const dir = project();
    fs.utimesSync(path.join(dir, 'server/src/app.ts'), 3000, 3000);
    expect(stale(dir)).toEqual(['server', 'widget']);
  });

  it('rebuilds when an output or a source is missing, or nothing was built yet', () => {
    const a = project();
    fs.rmSync(path.join(a, 'dist/server.js'));
    expect(stale(a)).toEqual(['server']);
    const b = project();
    fs.rmSync(path.join(b, 'widget/src/index.ts'));
    expect(stale(b)).toEqual(['widget']);
    const c = project();
    fs.rmSync(path.join(c, 'dist/build-manifest.json'));
    expect(stale(c)).toEqual(['server', 'widget']);
  });
});

describe.skipIf(process.platform !== 'linux')('npm start', () => {
  it('runs node on the built bundle as the one process to signal: kill -9 frees the port and leaves no orphan', async () => {
    const port = await freePort();
    const dataDir = tempDir();
    cleanup.push(dataDir);
    let output = '';
    npm = spawn('npm', ['start'], {
      cwd: root,
      env: {
        ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
        DEFAULT_TENANT: 'genk', QUESTION_MODEL: 'off', LOG_LEVEL: 'info', LOG_PRETTY: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => npm!.once('exit', () => resolve()));
    npm.stderr!.on('data', (d) => (output += d));
    // The server logs its pid on every line (pino); the ready line says it listens.
    const serverPid = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
      npm!.stdout!.on('data', (d) => {
        output += d;
        const ready = output.split('\n').find((line) => line.includes('Welcome Desk is ready'));
        if (ready) {
          clearTimeout(timer);
          resolve((JSON.parse(ready) as { pid: number }).pid);
        }
      });
      npm!.once('exit', () => reject(new Error(`npm start exited:\n${output}`)));
    });

    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    // Compiled JavaScript, run by node, started by npm itself: the shell exec'd it, and no tsx sits between.
    const argv = argvOf(serverPid);
    expect(path.basename(argv[0])).toBe('node');
    expect(argv).toContain('dist/server.js');
    expect(argv.join(' ')).not.toContain('tsx');
    expect(parentOf(serverPid)).toBe(npm.pid);
    // The start recorded what the bundle is made from, for the next start's staleness check.
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist/build-manifest.json'), 'utf8')) as Record<string, { inputs: string[] }>;
    expect(manifest.server.inputs).toContain('server/src/server.ts');
    expect(manifest.widget.inputs).toContain('widget/src/index.ts');

    process.kill(serverPid, 'SIGKILL');
    await exited;
    expect(fs.existsSync(`/proc/${serverPid}`)).toBe(false);
    expect(childrenOf(npm.pid!)).toEqual([]);
    expect(await listening(port)).toBe(false);
  }, 90_000);
});
