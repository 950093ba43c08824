import path from 'node:path';
import { z } from 'zod';

// The zod schema is the documentation of every setting; `.env.example` mirrors it.
// Only this module reads process.env (ARCHITECTURE.md, convention 2).
const boolish = z
  .union([z.boolean(), z.string()])
  .transform((v) => (typeof v === 'boolean' ? v : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase())));

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
  minConfidence: 'MIN_CONFIDENCE',
  retrievalCacheSize: 'RETRIEVAL_CACHE_SIZE',
  autoIngest: 'AUTO_INGEST',
  questionModel: 'QUESTION_MODEL',
  llmProvider: 'LLM_PROVIDER',
  llmBaseUrl: 'LLM_BASE_URL',
  llmModel: 'LLM_MODEL',
  llmApiKey: 'LLM_API_KEY',
  llmTimeoutMs: 'LLM_TIMEOUT_MS',
  embeddingsProvider: 'EMBEDDINGS_PROVIDER',
  embeddingsModel: 'EMBEDDINGS_MODEL',
  appSecret: 'APP_SECRET',
  publicUrl: 'PUBLIC_URL',
  sessionHours: 'SESSION_HOURS',
  signInPerMinute: 'SIGN_IN_PER_MINUTE',
  trustProxy: 'TRUST_PROXY',
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, envKey] of Object.entries(ENV_KEYS)) {
    const value = env[envKey];
    if (value !== undefined && value !== '') raw[key] = value;
  }
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
