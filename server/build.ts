// Production build (issue 13, finding 10): production runs compiled JavaScript, not TypeScript through tsx.
// Bundles the server and the CLIs an operator needs inside a container into dist/, builds the widget and the
// clerk's console (widget/build.ts), and records in dist/build-manifest.json which source files each output
// was made from, so that scripts/build-if-stale.mjs (run by `npm start`) rebuilds only what is stale.
// `npm run build` forces both.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..');

/** The bundles under dist/: `node dist/server.js` is what `npm start` and the Docker image run. */
export const SERVER_ENTRIES: Record<string, string> = {
  server: 'server/src/server.ts',
  'ingest-cli': 'server/src/knowledge/ingest-cli.ts',
  'users-cli': 'server/src/admin/users-cli.ts',
  'backup-cli': 'server/src/ops/backup-cli.ts',
};
const WIDGET_ENTRIES = ['widget/src/index.ts', 'widget/console/src/main.ts'];
const TRAIN_WORKER_SOURCE = 'server/src/question-model/train-worker.mjs';

export type Target = 'server' | 'widget';
export interface Manifest {
  /** Per target: the outputs it writes and the source files (relative to the repository) they were made from. */
  [target: string]: { outputs: string[]; inputs: string[] };
}

export function manifestFile(root = ROOT): string {
  return path.join(root, 'dist', 'build-manifest.json');
}

// The build scripts themselves and package.json (the external packages) count as inputs of every output.
const BUILD_INPUTS = ['server/build.ts', 'widget/build.ts', 'package.json'];

function inputsOf(metafile: { inputs: Record<string, unknown> }): string[] {
  // esbuild lists paths relative to absWorkingDir; packages are external, so only our own files appear.
  return [...new Set([...Object.keys(metafile.inputs).filter((f) => !f.includes('node_modules')), ...BUILD_INPUTS])].sort();
}

/** Bundles the server: ESM for Node 20, every package external (better-sqlite3 and hnswlib-node are native). */
export async function buildServer(outdir = path.join(ROOT, 'dist')): Promise<Manifest[string]> {
  const options: BuildOptions = {
    absWorkingDir: ROOT,
    entryPoints: SERVER_ENTRIES,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Stack traces point at the TypeScript sources when node runs with --enable-source-maps.
    sourcemap: true,
    metafile: true,
    write: false,
    logLevel: 'warning',
  };
  const result = await build(options);
  fs.mkdirSync(outdir, { recursive: true });
  // Written beside and renamed into place, so a server starting meanwhile never reads half a bundle.
  for (const file of result.outputFiles ?? []) {
    const tmp = `${file.path}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, file.contents);
    fs.renameSync(tmp, file.path);
  }
  // The fastText training worker is plain JavaScript loaded by URL beside the bundle (fasttext.ts): copied as is.
  const workerTarget = path.join(outdir, path.basename(TRAIN_WORKER_SOURCE));
  fs.copyFileSync(path.join(ROOT, TRAIN_WORKER_SOURCE), `${workerTarget}.tmp-${process.pid}`);
  fs.renameSync(`${workerTarget}.tmp-${process.pid}`, workerTarget);
  return {
    outputs: [...Object.keys(SERVER_ENTRIES).map((name) => path.relative(ROOT, path.join(outdir, `${name}.js`))), path.relative(ROOT, workerTarget)],
    inputs: [...inputsOf(result.metafile!), TRAIN_WORKER_SOURCE].sort(),
  };
}

/** Builds the widget and the console through widget/build.ts, then lists the files they are made from. */
export async function buildWidgetBundles(): Promise<Manifest[string]> {
  const widget = await import('../widget/build');
  const built = await widget.buildWidget();
  const console = await widget.buildConsole();
  if (built.gzip > widget.BUDGET_BYTES) process.stderr.write(`warning: widget.js is ${built.gzip} bytes gzip, over its budget of ${widget.BUDGET_BYTES}.\n`);
  // A second pass that writes nothing, only to learn the inputs (widget/build.ts does not ask esbuild for them).
  const scan = await build({ absWorkingDir: ROOT, entryPoints: WIDGET_ENTRIES, bundle: true, write: false, metafile: true, outdir: 'out', platform: 'browser', logLevel: 'silent' });
  return { outputs: [built.outfile, console.outfile].map((f) => path.relative(ROOT, f)), inputs: inputsOf(scan.metafile!) };
}

export function readManifest(root = ROOT): Manifest {
  try {
    return JSON.parse(fs.readFileSync(manifestFile(root), 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

/** Builds the given targets and records them in the manifest. */
export async function buildTargets(targets: Target[]): Promise<Manifest> {
  const manifest = readManifest();
  for (const target of targets) manifest[target] = target === 'server' ? await buildServer() : await buildWidgetBundles();
  const file = manifestFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp-${process.pid}`, JSON.stringify(manifest, null, 1));
  fs.renameSync(`${file}.tmp-${process.pid}`, file);
  return manifest;
}
