import fs from 'node:fs';
import path from 'node:path';

/** Whether a process with this id exists (signal 0 checks without sending anything). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// The index, the question model and the crisis model are built in `<name>.staging-<pid>` and swapped in
// through `<name>.old-<pid>` (retrieval/search-index.ts), so a crash never leaves a half-built one in use.
const LEFTOVER = /^(.+)\.(staging|old)-(\d+)$/;

/**
 * Removes the staging and swap folders left in the data folder by processes that died mid-build (issue 13,
 * finding 10: before, they stayed for good). Folders of a live process are kept: it may be building now.
 * Returns the names removed.
 */
export function removeStaleStaging(dataDir: string, isAlive: (pid: number) => boolean = isProcessAlive): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dataDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const match = LEFTOVER.exec(entry.name);
    if (!match || !entry.isDirectory() || isAlive(Number(match[3]))) continue;
    fs.rmSync(path.join(dataDir, entry.name), { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed.sort();
}
