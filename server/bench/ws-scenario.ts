// The WebSocket scenario of `npm run bench` (issue 13, build section 11): many concurrent sockets held open on
// one instance, asks spread over all of them, a fixed number in flight at any time (a closed loop). Reports
// answers per second, latency from ask to `done`, the server's memory with the sockets idle and under load,
// and how long /health takes meanwhile (finding 1: a flood used to stall it for seconds).
import WebSocket from 'ws';
import { pct, r2, rssMb } from './bench-server';

export interface WsScenarioOptions {
  port: number;
  serverPid: number | undefined;
  sockets: number;
  inFlight: number;
  seconds: number;
  warmupSeconds?: number;
  questions: [message: string, tenant: string][];
}

interface Frame {
  type: string;
  code?: string;
}

interface Held {
  socket: WebSocket;
  busy: boolean;
  resolve?: (frame: Frame) => void;
}

const OPEN_BATCH = 250;

function open(port: number): Promise<Held> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/chat/ws`);
    const held: Held = { socket, busy: false };
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if ((frame.type === 'done' || frame.type === 'error') && held.resolve) {
        const done = held.resolve;
        held.resolve = undefined;
        done(frame);
      }
    });
    socket.once('open', () => resolve(held));
    socket.once('error', reject);
    socket.on('close', () => held.resolve?.({ type: 'error', code: 'closed' }));
  });
}

export async function runWsScenario(opts: WsScenarioOptions) {
  const { port, questions } = opts;
  const beforeRssMb = rssMb(opts.serverPid);
  console.log(`Opening ${opts.sockets} WebSockets…`);
  const openedAt = Date.now();
  const held: Held[] = [];
  let refused = 0;
  for (let i = 0; i < opts.sockets; i += OPEN_BATCH) {
    const batch = await Promise.allSettled(Array.from({ length: Math.min(OPEN_BATCH, opts.sockets - i) }, () => open(port)));
    for (const r of batch) r.status === 'fulfilled' ? held.push(r.value) : refused++;
  }
  const connectSeconds = (Date.now() - openedAt) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  const idleRssMb = rssMb(opts.serverPid);
  console.log(`${held.length} open (${refused} refused) in ${connectSeconds.toFixed(1)} s; server RSS ${idleRssMb ?? '?'} MB idle.`);

  let next = 0;
  let asked = 0;
  const errors: Record<string, number> = {};
  let times: number[] = [];
  let recording = false;
  let stop = false;

  const ask = (h: Held, [message, tenant]: [string, string]) =>
    new Promise<Frame>((resolve) => {
      h.resolve = resolve;
      h.socket.send(JSON.stringify({ type: 'ask', message, tenant }));
    });

  // One worker per ask in flight; each takes the next free socket, so every socket gets its turn.
  async function worker() {
    while (!stop) {
      let h: Held | undefined;
      for (let tries = 0; tries < held.length && !h; tries++) {
        const candidate = held[next++ % held.length];
        if (!candidate.busy && candidate.socket.readyState === WebSocket.OPEN) h = candidate;
      }
      if (!h) break;
      h.busy = true;
      const started = process.hrtime.bigint();
      const frame = await ask(h, questions[asked++ % questions.length]);
      h.busy = false;
      if (!recording) continue;
      if (frame.type === 'done') times.push(Number(process.hrtime.bigint() - started) / 1e6);
      else errors[frame.code ?? 'unknown'] = (errors[frame.code ?? 'unknown'] ?? 0) + 1;
    }
  }

  // /health while the sockets are busy, and the server's memory, sampled every half second.
  const healthMs: number[] = [];
  let peakRssMb = idleRssMb ?? 0;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, rssMb(opts.serverPid) ?? 0);
    const started = Date.now();
    fetch(`http://127.0.0.1:${port}/health`).then(() => recording && healthMs.push(Date.now() - started), () => undefined);
  }, 500);

  const workers = Array.from({ length: Math.min(opts.inFlight, held.length) }, () => worker());
  const warmup = opts.warmupSeconds ?? 3;
  await new Promise((r) => setTimeout(r, warmup * 1000));
  console.log(`Measuring for ${opts.seconds} s with ${workers.length} asks in flight over ${held.length} sockets…`);
  times = [];
  recording = true;
  const measuredAt = process.hrtime.bigint();
  await new Promise((r) => setTimeout(r, opts.seconds * 1000));
  recording = false;
  const elapsed = Number(process.hrtime.bigint() - measuredAt) / 1e9;
  stop = true;
  await Promise.all(workers);
  clearInterval(sampler);
  const stillOpen = held.filter((h) => h.socket.readyState === WebSocket.OPEN).length;
  for (const h of held) h.socket.terminate();

  times.sort((a, b) => a - b);
  healthMs.sort((a, b) => a - b);
  return {
    sockets: { asked: opts.sockets, opened: held.length, refused, stillOpenAtEnd: stillOpen, connectSeconds: r2(connectSeconds) },
    inFlight: workers.length,
    answers: times.length,
    answersPerSecond: Math.round(times.length / elapsed),
    latencyMs: { p50: r2(pct(times, 50)), p95: r2(pct(times, 95)), p99: r2(pct(times, 99)), max: r2(times.at(-1) ?? 0) },
    errors,
    rssMb: { beforeSockets: beforeRssMb, idle: idleRssMb, peak: peakRssMb || null },
    healthMs: { p50: pct(healthMs, 50), p99: pct(healthMs, 99), max: healthMs.at(-1) ?? 0, samples: healthMs.length },
  };
}
