// Trains one fastText classifier in a worker thread (plain JavaScript, so that Node loads it as it is from the
// sources, under tsx or vitest, and from dist/ after the build copies it there).
// Why a thread: training is one long synchronous WebAssembly call (tens of seconds for the question model);
// on the main thread it would stall the event loop — health checks at boot, and the test runner's own messages.
import { parentPort, workerData } from 'node:worker_threads';
import { getFastTextClass, getFastTextModule } from 'fasttext.wasm.js';

const quiet = { print: () => undefined, printErr: () => undefined };
const module = await getFastTextModule(quiet);
const FastText = await getFastTextClass({ getFastTextModule: async () => module });
const ft = new FastText();
const url = `data:text/plain;base64,${Buffer.from(workerData.data, 'utf8').toString('base64')}`;
// The progress callback must be a function: null crashes the binding. One thread and a fixed seed: repeatable.
const model = await ft.trainSupervised(url, { ...workerData.params, loss: 'softmax', verbose: 0, thread: 1 }, () => undefined);
const bytes = new Uint8Array(await model.saveModel().arrayBuffer());
parentPort.postMessage(bytes, [bytes.buffer]);
