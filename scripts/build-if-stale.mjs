#!/usr/bin/env node
// @ts-check
// Run by `npm start` before `exec node dist/server.js` (issue 13, finding 10): rebuilds the server bundle and
// the widget only when a source file they were made from is newer than the output (or the output is missing).
// Plain JavaScript, so that the usual case — nothing to do — costs a few stat calls and loads no TypeScript
// tooling. `--force` (`npm run build`) rebuilds both.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = /** @type {const} */ (['server', 'widget']);

/**
 * Which targets need a build: a target is stale when the manifest does not list it, when one of its outputs is
 * missing, or when one of its inputs is missing (a deleted or renamed file) or newer than its oldest output.
 * @param {string} root
 * @returns {('server' | 'widget')[]}
 */
export function staleTargets(root = ROOT) {
  /** @type {Record<string, { outputs: string[]; inputs: string[] }>} */
  let manifest = {};
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'build-manifest.json'), 'utf8'));
  } catch {
    return [...TARGETS];
  }
  /** @param {string} file */
  const mtime = (file) => {
    try {
      return fs.statSync(path.join(root, file)).mtimeMs;
    } catch {
      return null;
    }
  };
  return TARGETS.filter((target) => {
    const entry = manifest[target];
    if (!entry?.outputs?.length || !entry.inputs?.length) return true;
    const outputs = entry.outputs.map(mtime);
    if (outputs.some((t) => t === null)) return true;
    const oldestOutput = Math.min(.../** @type {number[]} */ (outputs));
    return entry.inputs.some((file) => {
      const t = mtime(file);
      return t === null || t > oldestOutput;
    });
  });
}

async function main() {
  const force = process.argv.includes('--force');
  const targets = force ? [...TARGETS] : staleTargets();
  if (!targets.length) return;
  const started = Date.now();
  // tsx (a dependency) loads the TypeScript build scripts only when there is something to build.
  const { tsImport } = await import('tsx/esm/api');
  const { buildTargets } = await tsImport('../server/build.ts', import.meta.url);
  await buildTargets(targets);
  console.log(`Built ${targets.join(' and ')} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
