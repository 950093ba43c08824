import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { getFastTextClass, getFastTextModule, type FastTextModel } from 'fasttext.wasm.js';

// fastText (supervised mode) running as WebAssembly inside its npm package: no download, no native build.

export interface FastTextParams {
  epoch: number;
  lr: number;
  dim: number;
  wordNgrams: number;
  minn: number;
  maxn: number;
  bucket: number;
  minCount: number;
  seed: number;
}

export interface Classifier {
  /** The `k` best labels (all when omitted) with their probability, best first. */
  predict(text: string, k?: number): { label: string; p: number }[];
  labels(): string[];
  /** Frees the model's native memory (a model used once, during training, must not stay in the heap). */
  dispose(): void;
}

const quiet = { print: () => undefined, printErr: () => undefined };
const LABEL = '__label__';

function wrap(model: FastTextModel): Classifier {
  return {
    predict(text: string, k = -1) {
      const out = model.predict(text.replace(/\n/g, ' '), k, 0);
      const result: { label: string; p: number }[] = [];
      for (let i = 0; i < out.size(); i++) {
        const [p, label] = out.get(i);
        result.push({ label: label.slice(LABEL.length), p });
      }
      return result;
    },
    dispose() {
      // embind objects are freed explicitly; the wrapper's type does not show it.
      (model.ft as unknown as { delete(): void }).delete();
    },
    labels() {
      const pair = model.getLabels() as unknown as [{ size(): number; get(i: number): string }, unknown];
      const list = pair[0];
      return Array.from({ length: list.size() }, (_, i) => list.get(i).slice(LABEL.length));
    },
  };
}

// One WebAssembly module for every model of the process: each model is its own native object inside it,
// and a module's heap is costly (one per model made the server hold hundreds of MB it did not need).
let shared: Promise<Awaited<ReturnType<typeof getFastTextModule>>> | null = null;
async function newFastText() {
  shared ??= getFastTextModule(quiet as Parameters<typeof getFastTextModule>[0]);
  const module = await shared;
  const FastText = await getFastTextClass({ getFastTextModule: async () => module });
  const ft = new FastText();
  return ft;
}

/** The worker script, beside this module in the sources and beside the bundle in dist/ (server/build.ts copies it). */
export const TRAIN_WORKER = new URL('./train-worker.mjs', import.meta.url);

/** Trains in a worker thread (see train-worker.mjs for why) and returns the saved model's bytes. */
function trainInWorker(data: string, params: FastTextParams): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(TRAIN_WORKER, { workerData: { data, params } });
    let done = false;
    worker.once('message', (bytes: Uint8Array) => {
      done = true;
      resolve(bytes);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`fastText training stopped (worker exit code ${code})`));
    });
  });
}

/** Trains a classifier on `label<TAB>text` pairs; single-threaded with a fixed seed, so it is repeatable. */
export async function trainClassifier(examples: { label: string; text: string }[], params: FastTextParams): Promise<{ classifier: Classifier; bytes: Uint8Array }> {
  const data = examples.map((e) => `${LABEL}${e.label} ${e.text.replace(/\s+/g, ' ').trim()}`).join('\n');
  const bytes = await trainInWorker(data, params);
  // The model comes back as bytes; this thread loads them like a saved model.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-fasttext-'));
  try {
    const file = path.join(dir, 'model.bin');
    fs.writeFileSync(file, bytes);
    return { classifier: await loadClassifier(pathToFileURL(file).href), bytes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads a model saved by trainClassifier (a file: URL, read from disk). */
export async function loadClassifier(fileUrl: string): Promise<Classifier> {
  const ft = await newFastText();
  const model = await ft.loadModel(fileUrl);
  // The model is parsed into its own memory: its file copy in the module's in-memory file system can go.
  try {
    ft.fs.unlink('model.bin');
  } catch {
    // already gone
  }
  return wrap(model);
}
