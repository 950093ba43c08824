// `npm run bench`: answers per second and latency of POST /api/chat on loopback, plus one retrieval's time.
// The server runs in its own process, as in production; autocannon drives it from this one.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createPipeline } from '../src/pipeline';

const DURATION = Number(process.env.BENCH_SECONDS ?? 12);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const root = process.cwd();
const dataDir = path.resolve('data/bench');

const QUESTIONS: [string, string][] = [
  ['How do I register at the town hall?', 'genk'],
  ['كيف أسجل في البلدية؟', 'liege'],
  ['Où puis-je apprendre le français à Charleroi ?', 'charleroi'],
  ['Hoe sluit ik me aan bij een ziekenfonds?', 'gent'],
  ['Як знайти житло в Брюсселі?', 'brussels'],
  ['Belediyeye nasıl kayıt olurum?', 'antwerpen'],
  ['What is the best pizza in town?', 'namur'],
  ['Wo kann ich Deutsch lernen?', 'eupen'],
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function retrievalTiming() {
  const pipeline = await createPipeline({ dataDir, logLevel: 'silent', retrievalCacheSize: 0 });
  const tenants = new Map(QUESTIONS.map(([, t]) => [t, pipeline.tenants.resolve(t)!]));
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const [q, t] = QUESTIONS[i % QUESTIONS.length];
    const tenant = tenants.get(t)!;
    const started = process.hrtime.bigint();
    await pipeline.retriever.retrieve({ query: q, lang: 'en', region: tenant.region, municipality: tenant.slug });
    if (i >= 200) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  pipeline.close();
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p95: pct(times, 95), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

async function measure(port: number, cacheSize: number) {
  const server = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/src/server.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', RETRIEVAL_CACHE_SIZE: String(cacheSize) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const requests = QUESTIONS.map(([message, tenant]) => ({ method: 'POST' as const, path: '/api/chat', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message, tenant }) }));
    const run = (duration: number) => {
      const times: number[] = [];
      const instance = autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration, requests }, () => {});
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
      return new Promise<{ result: autocannon.Result; times: number[] }>((resolve) => instance.on('done', (result) => resolve({ result, times })));
    };
    await run(2);
    console.log(`Measuring for ${DURATION} s with ${CONNECTIONS} connections, retrieval cache ${cacheSize ? 'on' : 'off'}…`);
    const { result, times } = await run(DURATION);
    times.sort((a, b) => a - b);
    // Resident memory of the server at steady state, right after the load (Linux): the tsx wrapper and
    // the node process it starts, together.
    const rssMb = (() => {
      try {
        const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        const children = (pid: number): number[] => fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number)
          .filter((p) => { try { return fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(pid); } catch { return false; } });
        const tree = [server.pid!, ...children(server.pid!)];
        return Math.round(tree.reduce((s, p) => s + rss(p), 0) / 1024);
      } catch {
        return null;
      }
    })();
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      retrievalCache: cacheSize > 0,
      answersPerSecond: Math.round(result.requests.average),
      requests: result.requests.total, non2xx: result.non2xx, errors: result.errors,
      latencyMs: { p50: r2(pct(times, 50)), p95: r2(pct(times, 95)), p99: r2(pct(times, 99)), max: r2(times.at(-1) ?? 0) },
      rssMb,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

async function main() {
  console.log('Preparing the index and timing retrieval (cache off)…');
  const retrieval = await retrievalTiming();
  const runs = [await measure(await freePort(), 2000), await measure(await freePort(), 0)];
  const summary = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    durationSeconds: DURATION, connections: CONNECTIONS, questions: QUESTIONS.length, runs,
    retrievalMs: { p50: +retrieval.p50.toFixed(3), p95: +retrieval.p95.toFixed(3), mean: +retrieval.mean.toFixed(3) },
  };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'result.json'), JSON.stringify(summary, null, 2));
  console.log('\n| retrieval cache | answers/s | p50 ms | p95 ms | p99 ms | non-2xx | RSS MB |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of runs) console.log(`| ${r.retrievalCache ? 'on' : 'off'} | ${r.answersPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.non2xx} | ${r.rssMb ?? '?'} |`);
  console.log(`\nOne retrieval (no cache): p50 ${summary.retrievalMs.p50} ms, p95 ${summary.retrievalMs.p95} ms.`);
  console.log(`${summary.machine}; ${DURATION} s per run over ${CONNECTIONS} connections; ${QUESTIONS.length} questions in rotation.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
