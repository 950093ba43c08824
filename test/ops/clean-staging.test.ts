import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive, removeStaleStaging } from '../../server/src/ops/clean-staging';
import { buildTestApp, tempDir } from '../helpers/test-app';

// A pid that surely belongs to no process any more: one of a child that has already exited.
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  expect(isProcessAlive(pid)).toBe(false);
  return pid;
}

function leftover(dir: string, name: string) {
  fs.mkdirSync(path.join(dir, name, 'vectors'), { recursive: true });
  fs.writeFileSync(path.join(dir, name, 'index.db'), 'half-built');
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('staging folders left by a crashed build (issue 13, finding 10)', () => {
  it('removes those of dead processes and keeps those of live ones and everything else', () => {
    const dir = tempDir();
    dirs.push(dir);
    for (const name of ['index.staging-101', 'question-model.staging-102', 'index.old-103', 'index.staging-104', 'index', 'notes.staging-x']) leftover(dir, name);
    fs.writeFileSync(path.join(dir, 'export.staging-105'), 'a file, not a build folder');
    const removed = removeStaleStaging(dir, (pid) => pid === 104);
    expect(removed).toEqual(['index.old-103', 'index.staging-101', 'question-model.staging-102']);
    expect(fs.readdirSync(dir).sort()).toEqual(['export.staging-105', 'index', 'index.staging-104', 'notes.staging-x']);
  });

  it('does nothing for a data folder that does not exist yet', () => {
    expect(removeStaleStaging(path.join(tempDir(), 'missing'))).toEqual([]);
  });

  it('is done when the app starts, before the index is opened', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const dead = deadPid();
    leftover(dir, `index.staging-${dead}`);
    leftover(dir, `crisis-model.staging-${dead}`);
    // Another live process (our parent) that could be building now.
    leftover(dir, `index.staging-${process.ppid}`);
    const app = await buildTestApp({ dataDir: dir, questionModel: 'off' });
    try {
      const names = fs.readdirSync(dir);
      expect(names).not.toContain(`index.staging-${dead}`);
      expect(names).not.toContain(`crisis-model.staging-${dead}`);
      expect(names).toContain(`index.staging-${process.ppid}`);
      expect(names).toContain('index');
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
