import path from 'node:path';
import { z } from 'zod';

// The zod schema is the documentation of every setting; `.env.example` mirrors it.
// Only this module reads process.env (ARCHITECTURE.md, convention 2).
const boolish = z
  .union([z.boolean(), z.string()])
  .transform((v) => (typeof v === 'boolean' ? v : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase())));

// An origin as browsers send it: scheme, host and port, nothing else (never the literal `null`).
const origin = z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be an origin like https://www.example.be');
const originList = z.union([z.string(), z.array(z.string())])
  .transform((v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v))
  .pipe(z.array(origin));

export const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('0.0.0.0'),
  dataDir: z.string().default('./data'),
  knowledgeDir: z.string().default('./knowledge'),
  promptsDir: z.string().default('./prompts'),
  widgetDir: z.string().default('./widget'),
  defaultTenant: z.string().default('brussels'),
  rateLimitPerMinute: z.coerce.number().int().min(0).default(120),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Human-readable log lines (pino-pretty) instead of JSON. From the environment it defaults to on when
   * NODE_ENV is not production and stdout is a terminal (see loadConfig); log collectors want JSON (issue 13).
   */
  logPretty: boolish.default(false),
  /** When set, GET /metrics needs `Authorization: Bearer <token>` (the metrics reveal traffic; issue 13). */
  metricsToken: z.string().min(16, 'METRICS_TOKEN needs at least 16 characters').optional(),
  /** Below this retrieval confidence the assistant says it does not know and offers a person. */
  minConfidence: z.coerce.number().min(0).max(1).default(0.33),
  /** Retrievals remembered for repeated questions (quick-topic chips); 0 turns the cache off. */
  retrievalCacheSize: z.coerce.number().int().min(0).default(2000),
  /** The trained question model (issue 9): `auto` trains it at ingest when knowledge/training/ exists; `off` keeps retrieval alone. */
  questionModel: z.enum(['auto', 'off']).default('auto'),
  /** Re-index at boot when the knowledge hash changed. */
  autoIngest: boolish.default(true),
  /** Optional generative mode. `none` keeps the offline extractive default. */
  llmProvider: z.enum(['none', 'openai', 'ollama']).default('none'),
  llmBaseUrl: z.string().optional(),
  llmModel: z.string().optional(),
  llmApiKey: z.string().optional(),
  llmTimeoutMs: z.coerce.number().int().min(100).default(8000),
  /** A provider that has not sent its first token by then is given up on and the extractive answer served (issue 13). */
  llmFirstTokenMs: z.coerce.number().int().min(100).default(4000),
  /** Embeddings for the vector index: `hashed` needs no model; `openai`/`ollama` call a provider. */
  embeddingsProvider: z.enum(['hashed', 'openai', 'ollama']).default('hashed'),
  embeddingsModel: z.string().optional(),
  /** Signs sessions and conversation tokens. Several instances must share it; unset, one is generated in DATA_DIR. */
  appSecret: z.string().min(32, 'APP_SECRET needs at least 32 characters').optional(),
  /** The public address (https://welcome.example.be): cookies are Secure behind https, and JSON calls from it need no CSRF token. */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** How long a clerk stays signed in. */
  sessionHours: z.coerce.number().int().min(1).max(24 * 30).default(8),
  /**
   * Behind a reverse proxy: `true` trusts X-Forwarded-* from any hop, a number trusts that many hops, or a
   * comma-separated list of proxy addresses. Needed for per-visitor rate limits and Secure cookies (issue 13).
   */
  trustProxy: z.union([z.boolean(), z.number(), z.string(), z.array(z.string())]).transform((v) => {
    if (typeof v !== 'string') return v;
    if (/^(true|yes|1)$/i.test(v)) return true;
    if (/^(false|no|0|)$/i.test(v)) return false;
    if (/^\d+$/.test(v)) return Number(v);
    return v.split(',').map((s) => s.trim()).filter(Boolean);
  }).default(false),
  /** Sign-in attempts per IP and minute (always on, also when RATE_LIMIT_PER_MINUTE is 0). */
  signInPerMinute: z.coerce.number().int().min(1).default(10),
  /**
   * Days a conversation (its messages, feedback, handovers with their contact, clerk replies) is kept after its
   * last activity, then deleted (issue 13, docs/privacy.md). 0 keeps everything, for a municipality whose own
   * archiving rules require it.
   */
  retentionDays: z.coerce.number().int().min(0).default(90),
  /** Days the audit log of staff actions is kept: longer than conversations, to answer for changes; 0 keeps it. */
  auditRetentionDays: z.coerce.number().int().min(0).default(365),
  /**
   * Scale-out (issue 14): a postgres:// URL for the state shared by several instances behind one address.
   * Unset, everything stays in the embedded SQLite file in DATA_DIR. docs/scale-out.md says what it covers so far.
   */
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
  /** Scale-out (issue 14): a redis:// URL shares rate-limit counters and notifications across instances. */
  redisUrl: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL').optional(),
  /** Open chat WebSockets per client address; more are refused with rate_limited (issue 13: sockets multiplied the budget). 0 = no cap. */
  wsMaxSocketsPerIp: z.coerce.number().int().min(0).default(20),
  /** Frames waiting on one WebSocket, the one being answered included; more are refused at once, never queued. */
  wsQueueSize: z.coerce.number().int().min(1).default(5),
  /** A WebSocket that answers no ping (sent every third of this) for this long is cut (issue 13: silent sockets stayed forever). */
  wsIdleSeconds: z.coerce.number().positive().default(90),
  /** Unsent bytes on one WebSocket above which the server stops reading it (issue 13: a client that never read cost 160 MB). */
  wsMaxBufferBytes: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** Time to receive a whole request, headers and body (issue 13: a body that never finished was held forever). */
  requestTimeoutMs: z.coerce.number().int().min(1).default(15_000),
  /** An HTTP connection with no traffic for this long is closed; above the slowest answer (LLM_TIMEOUT_MS). */
  connectionTimeoutMs: z.coerce.number().int().min(1).default(30_000),
  /** An idle keep-alive connection is closed after this; behind a proxy, above the proxy's upstream idle timeout so the proxy closes first. */
  keepAliveTimeoutMs: z.coerce.number().int().min(1).default(5_000),
  /** On SIGTERM: this long to finish answers in flight before the remaining connections are cut. */
  shutdownSeconds: z.coerce.number().positive().default(10),
  /**
   * Extra origins allowed to embed every municipality, for development only (a local host page on another port).
   * They used to sit in each production override (issue 13); production leaves this empty.
   */
  devOrigins: originList.default([]),
  /**
   * Embedding origins per municipality, for the ones without an override in knowledge/tenants (issue 13):
   * `genk=https://www.genk.be https://genk.be;leuven=https://leuven.be`. Added to the knowledge's list and the console's.
   */
  tenantOrigins: z.union([z.string(), z.record(z.string(), z.array(z.string()))]).transform((v, ctx) => {
    if (typeof v !== 'string') return v;
    const out: Record<string, string[]> = {};
    for (const part of v.split(';').map((p) => p.trim()).filter(Boolean)) {
      const [slug, origins = ''] = part.split('=', 2).map((x) => x.trim());
      if (!slug || !origins) ctx.addIssue({ code: 'custom', message: `"${part}" must look like slug=https://origin …` });
      else out[slug] = [...(out[slug] ?? []), ...origins.split(/[\s,]+/).filter(Boolean)];
    }
    return out;
  }).pipe(z.record(z.string(), z.array(origin))).default({}),
});

export type AppConfig = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

const ENV_KEYS: Record<keyof AppConfig, string> = {
  port: 'PORT',
  host: 'HOST',
  dataDir: 'DATA_DIR',
  knowledgeDir: 'KNOWLEDGE_DIR',
  promptsDir: 'PROMPTS_DIR',
  widgetDir: 'WIDGET_DIR',
  defaultTenant: 'DEFAULT_TENANT',
  rateLimitPerMinute: 'RATE_LIMIT_PER_MINUTE',
  logLevel: 'LOG_LEVEL',
  logPretty: 'LOG_PRETTY',
  metricsToken: 'METRICS_TOKEN',
  minConfidence: 'MIN_CONFIDENCE',
  retrievalCacheSize: 'RETRIEVAL_CACHE_SIZE',
  autoIngest: 'AUTO_INGEST',
  questionModel: 'QUESTION_MODEL',
  llmProvider: 'LLM_PROVIDER',
  llmBaseUrl: 'LLM_BASE_URL',
  llmModel: 'LLM_MODEL',
  llmApiKey: 'LLM_API_KEY',
  llmTimeoutMs: 'LLM_TIMEOUT_MS',
  llmFirstTokenMs: 'LLM_FIRST_TOKEN_MS',
  embeddingsProvider: 'EMBEDDINGS_PROVIDER',
  embeddingsModel: 'EMBEDDINGS_MODEL',
  appSecret: 'APP_SECRET',
  publicUrl: 'PUBLIC_URL',
  sessionHours: 'SESSION_HOURS',
  signInPerMinute: 'SIGN_IN_PER_MINUTE',
  retentionDays: 'RETENTION_DAYS',
  auditRetentionDays: 'AUDIT_RETENTION_DAYS',
  wsMaxSocketsPerIp: 'WS_MAX_SOCKETS_PER_IP',
  wsQueueSize: 'WS_QUEUE_SIZE',
  wsIdleSeconds: 'WS_IDLE_SECONDS',
  wsMaxBufferBytes: 'WS_MAX_BUFFER_BYTES',
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
  connectionTimeoutMs: 'CONNECTION_TIMEOUT_MS',
  keepAliveTimeoutMs: 'KEEP_ALIVE_TIMEOUT_MS',
  shutdownSeconds: 'SHUTDOWN_SECONDS',
  trustProxy: 'TRUST_PROXY',
  databaseUrl: 'DATABASE_URL',
  redisUrl: 'REDIS_URL',
  devOrigins: 'DEV_ORIGINS',
  tenantOrigins: 'TENANT_ORIGINS',
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, envKey] of Object.entries(ENV_KEYS)) {
    const value = env[envKey];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  // Pretty logs by default only where a person reads them: a terminal, outside production.
  raw.logPretty ??= env.NODE_ENV !== 'production' && process.stdout.isTTY === true;
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${ENV_KEYS[i.path[0] as keyof AppConfig] ?? i.path.join('.')}: ${i.message}`,
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function resolveConfig(input: ConfigInput = {}): AppConfig {
  const config = configSchema.parse(input);
  return { ...config, dataDir: path.resolve(config.dataDir) };
}
