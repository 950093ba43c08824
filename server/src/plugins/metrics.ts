import crypto from 'node:crypto';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import { errorResponseSchema } from '../chat/response-schemas';
import { AppError } from '../errors';

/** What a finished turn tells the metrics (a ChatResult fits; kept narrow so the domain owes Fastify nothing). */
export interface AnswerFacts {
  language: string;
  topic: string | null;
  answered: boolean;
  trace: { mode: string };
}

export interface Metrics {
  registry: Registry;
  countAnswer(answer: AnswerFacts): void;
}

export interface MetricsOptions {
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Handovers per status, read at scrape time (no counter to keep in step with the database). */
  handoverCounts?: () => Promise<Record<string, number>>;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

// Process metrics (event-loop lag, memory, GC) belong to the process, not to one app: collected once into
// their own registry and merged in at scrape time, so tests that build many apps start no extra monitors.
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * Prometheus metrics at GET /metrics (issue 13): requests per route pattern (never the raw URL, which would
 * make one series per conversation id), answers by mode/topic/language, open handovers, WebSocket connections.
 * Each app has its own registry, so several apps in one process (the tests) do not collide.
 */
export default fp<MetricsOptions>(
  async (app, opts) => {
    const registry = new Registry();
    const requests = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status code (its _count gives the request rate).',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    const answers = new Counter({
      name: 'welcome_desk_answers_total',
      help: 'Answers given, by how the turn ended (mode), topic, answer language and whether it answered.',
      labelNames: ['mode', 'topic', 'language', 'answered'] as const,
      registers: [registry],
    });
    new Gauge({
      name: 'welcome_desk_handovers',
      help: 'Handover requests waiting for (open) or being answered by (assigned) a clerk.',
      labelNames: ['status'] as const,
      registers: [registry],
      async collect() {
        if (!opts.handoverCounts) return;
        const counts = await opts.handoverCounts();
        for (const status of ['open', 'assigned']) this.set({ status }, counts[status] ?? 0);
      },
    });
    new Gauge({
      name: 'welcome_desk_websocket_connections',
      help: 'WebSocket connections currently open.',
      registers: [registry],
      collect() {
        this.set(app.websocketServer?.clients.size ?? 0);
      },
    });

    app.decorate('metrics', {
      registry,
      countAnswer(answer: AnswerFacts) {
        answers.inc({ mode: answer.trace.mode, topic: answer.topic ?? 'none', language: answer.language, answered: String(answer.answered) });
      },
    } satisfies Metrics);

    app.addHook('onResponse', async (request, reply) => {
      // Unmatched URLs share one label: a scanner must not create a series per path it tries.
      const route = request.routeOptions.url ?? '(unmatched)';
      requests.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });

    app.get('/metrics', {
      schema: {
        summary: 'Prometheus metrics (text exposition format)',
        description: 'Needs `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set.',
        tags: ['operations'],
        response: {
          200: { description: 'Prometheus text format 0.0.4', content: { 'text/plain': { schema: z.string() } } },
          401: { description: 'METRICS_TOKEN is set and the request did not carry it', content: { 'application/json': { schema: errorResponseSchema } } },
        },
      },
    }, async (request, reply) => {
      if (opts.token) {
        const header = request.headers.authorization ?? '';
        const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
        if (!given || !sameSecret(given, opts.token)) throw new AppError('unauthorized', 'The metrics need Authorization: Bearer <METRICS_TOKEN>.');
      }
      const merged = Registry.merge([processMetrics(), registry]);
      reply.header('content-type', merged.contentType).header('cache-control', 'no-store');
      return merged.metrics();
    });
  },
  { name: 'metrics', dependencies: ['@fastify/websocket'] },
);
