// `npm run bench`: the real server in its own process (`node dist/server.js`, as in production) on loopback.
// - http: answers per second and latency of POST /api/chat (autocannon), retrieval cache on then off, plus
//   one retrieval's time in-process;
// - ws: many WebSockets held open at once with asks spread over them (issue 13; ws-scenario.ts).
// Flags: --only=http|ws, --sockets=N (default 5000), --in-flight=N (default 16). Figures: data/bench/result.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createPipeline } from '../src/pipeline';
import { buildIfStale, freePort, openFileLimit, pct, r2, rssMb, startServer, stopServer } from './bench-server';
import { runWsScenario } from './ws-scenario';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const DURATION = Number(process.env.BENCH_SECONDS ?? 12);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SOCKETS = Number(flag('sockets') ?? process.env.BENCH_SOCKETS ?? 5000);
const IN_FLIGHT = Number(flag('in-flight') ?? process.env.BENCH_IN_FLIGHT ?? 16);
const ONLY = flag('only');
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

// Every per-address limit off: the whole load comes from one address, loopback (issue 13 added a shared ask
// budget per address and a cap on sockets per address).
const UNLIMITED = { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', WS_MAX_SOCKETS_PER_IP: '0' };

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
  return { p50: +pct(times, 50).toFixed(3), p95: +pct(times, 95).toFixed(3), mean: +(times.reduce((a, b) => a + b, 0) / times.length).toFixed(3) };
}

async function measureHttp(cacheSize: number) {
  const port = await freePort();
  const server = await startServer(port, { ...UNLIMITED, RETRIEVAL_CACHE_SIZE: String(cacheSize) });
  try {
    const requests = QUESTIONS.map(([message, tenant]) => ({ method: 'POST' as const, path: '/api/chat', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message, tenant }) }));
    const run = (duration: number) => {
      const times: number[] = [];
      const instance = autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration, requests }, () => {});
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
      return new Promise<{ result: autocannon.Result; times: number[] }>((resolve) => instance.on('done', (result) => resolve({ result, times })));
    };
    await run(2);
    console.log(`HTTP: measuring for ${DURATION} s with ${CONNECTIONS} connections, retrieval cache ${cacheSize ? 'on' : 'off'}…`);
    const { result, times } = await run(DURATION);
    times.sort((a, b) => a - b);
    return {
      retrievalCache: cacheSize > 0,
      answersPerSecond: Math.round(result.requests.average),
      requests: result.requests.total, non2xx: result.non2xx, errors: result.errors,
      latencyMs: { p50: r2(pct(times, 50)), p95: r2(pct(times, 95)), p99: r2(pct(times, 99)), max: r2(times.at(-1) ?? 0) },
      // The server's resident memory right after the load: one node process, no tsx wrapper any more.
      rssMb: rssMb(server.pid),
    };
  } finally {
    await stopServer(server);
  }
}

async function measureWs() {
  const limit = openFileLimit();
  // Each socket is a file descriptor in the server and one in this process (the server inherits our limit).
  if (limit !== null && limit < SOCKETS + 1000) {
    console.warn(`Open-file limit ${limit} is too low for ${SOCKETS} sockets: run \`ulimit -n ${SOCKETS + 4096}\` first, or pass --sockets=${Math.max(100, limit - 1000)}.`);
  }
  const port = await freePort();
  const server = await startServer(port, { ...UNLIMITED, WS_QUEUE_SIZE: '5' });
  try {
    return await runWsScenario({ port, serverPid: server.pid, sockets: SOCKETS, inFlight: IN_FLIGHT, seconds: DURATION, questions: QUESTIONS });
  } finally {
    await stopServer(server);
  }
}

async function main() {
  buildIfStale();
  const summary: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    durationSeconds: DURATION, questions: QUESTIONS.length,
  };
  if (ONLY !== 'ws') {
    console.log('Preparing the index and timing retrieval (cache off)…');
    summary.retrievalMs = await retrievalTiming();
    summary.http = { connections: CONNECTIONS, runs: [await measureHttp(2000), await measureHttp(0)] };
  } else {
    // Index and train here, where no plugin timeout applies, as the retrieval timing does for the HTTP runs:
    // on a busy machine the server's first start could otherwise outlast it.
    console.log('Preparing the index and the models…');
    (await createPipeline({ dataDir, logLevel: 'silent' })).close();
  }
  if (ONLY !== 'http') summary.ws = await measureWs();

  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'result.json'), JSON.stringify(summary, null, 2));
  const http = summary.http as { runs: Awaited<ReturnType<typeof measureHttp>>[] } | undefined;
  if (http) {
    console.log('\nHTTP POST /api/chat\n| retrieval cache | answers/s | p50 ms | p95 ms | p99 ms | non-2xx | RSS MB |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of http.runs) console.log(`| ${r.retrievalCache ? 'on' : 'off'} | ${r.answersPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.non2xx} | ${r.rssMb ?? '?'} |`);
    const retrieval = summary.retrievalMs as { p50: number; p95: number };
    console.log(`\nOne retrieval (no cache): p50 ${retrieval.p50} ms, p95 ${retrieval.p95} ms.`);
  }
  const ws = summary.ws as Awaited<ReturnType<typeof measureWs>> | undefined;
  if (ws) {
    console.log(`\nWebSocket: ${ws.sockets.opened} sockets held (${ws.sockets.refused} refused, ${ws.sockets.stillOpenAtEnd} open at the end), ${ws.inFlight} asks in flight`);
    console.log('| answers/s | p50 ms | p95 ms | p99 ms | errors | RSS MB before / idle / peak | /health p99 ms |');
    console.log('|---|---|---|---|---|---|---|');
    console.log(`| ${ws.answersPerSecond} | ${ws.latencyMs.p50} | ${ws.latencyMs.p95} | ${ws.latencyMs.p99} | ${JSON.stringify(ws.errors)} | ${ws.rssMb.beforeSockets ?? '?'} / ${ws.rssMb.idle ?? '?'} / ${ws.rssMb.peak ?? '?'} | ${ws.healthMs.p99} |`);
  }
  console.log(`\n${summary.machine}; ${DURATION} s per run; ${QUESTIONS.length} questions in rotation.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
