import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../server/src/db/create-db';
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from '../helpers/services';
import { buildServerIfStale, startServer, type ServerProcess } from '../helpers/server-process';
import { FIXTURE_KNOWLEDGE, tempDir } from '../helpers/test-app';

// Issue 14, durability: two real server processes share one PostgreSQL; kill -9 of one under load loses no
// write it acknowledged, and the other keeps answering throughout. An instance answers only after the write is
// committed (the stores' contract), so whatever a client got a 200/201 for must be in the database afterwards.
// Outcomes only: how fast anything happens is not asserted.

const QUESTIONS = [
  'How do I register at the town hall?',
  'How do I join a health insurance fund?',
  'Where can I learn Dutch?',
  'What do I need to open a bank account?',
];
const CLIENTS_PER_INSTANCE = 3;

type Name = 'A' | 'B';
interface Chat { conversationId: string; messageId: number; question: string; answer: string }
interface Ack { instance: Name; at: number }
interface Failure { instance: Name; at: number; what: string }

const acks = { chats: [] as (Chat & Ack)[], feedback: [] as (Ack & { id: number; messageId: number })[], handovers: [] as (Ack & { id: number; conversationId: string })[] };
const failures: Failure[] = [];
/** Requests sent to an instance and not answered yet: at the kill, some to A are cut off half-way. */
const inFlight = { A: 0, B: 0 };
const ackCount = (instance: Name, after = 0) =>
  [...acks.chats, ...acks.feedback, ...acks.handovers].filter((x) => x.instance === instance && x.at > after).length;

async function post(instance: Name, url: string, body: unknown, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  inFlight[instance]++;
  try {
    const res = await fetch(url, {
      method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(15_000),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  } finally {
    inFlight[instance]--;
  }
}

/** One client: a new conversation, sometimes a follow-up, feedback on the answer, sometimes a handover; again. */
async function client(instance: Name, base: string, seed: number, stopped: () => boolean): Promise<void> {
  for (let round = 0; !stopped(); round++) {
    const step = async <T>(what: string, expected: number, run: () => Promise<{ status: number; json: Record<string, unknown> }>, keep: (json: Record<string, unknown>) => T): Promise<T> => {
      const { status, json } = await run();
      if (status !== expected) throw new Error(`${what}: ${status} ${JSON.stringify(json)}`);
      return keep(json);
    };
    try {
      const question = QUESTIONS[(seed + round) % QUESTIONS.length];
      const first = await step('chat', 200, () => post(instance, `${base}/api/chat`, { message: question, tenant: 'genk' }), (j) => j);
      const conversationId = first.conversationId as string;
      const token = first.conversationToken as string;
      acks.chats.push({ instance, at: Date.now(), conversationId, messageId: first.messageId as number, question, answer: first.answer as string });
      let messageId = first.messageId as number;
      if (round % 2 === 1) {
        const follow = QUESTIONS[(seed + round + 1) % QUESTIONS.length];
        const next = await step('follow-up', 200, () => post(instance, `${base}/api/chat`, { message: follow, tenant: 'genk', conversationId }, token), (j) => j);
        messageId = next.messageId as number;
        acks.chats.push({ instance, at: Date.now(), conversationId, messageId, question: follow, answer: next.answer as string });
      }
      const feedback = await step('feedback', 201, () => post(instance, `${base}/api/feedback`, { conversationId, messageId, helpful: round % 3 !== 0 }), (j) => j.id as number);
      acks.feedback.push({ instance, at: Date.now(), id: feedback, messageId });
      if (round % 3 === 0) {
        const handover = await step('handover', 201, () => post(instance, `${base}/api/handover`, { conversationId, language: 'en', note: 'load test' }, token), (j) => j.id as number);
        acks.handovers.push({ instance, at: Date.now(), id: handover, conversationId });
      }
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      failures.push({ instance, at: Date.now(), what: `${(error as Error).message}${cause ? ` (${cause})` : ''}` });
      // A dead instance refuses at once: do not spin on it.
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

describe.skipIf(!TEST_DATABASE_URL || process.platform !== 'linux')('kill -9 of one instance under load', () => {
  let schema: TestSchema;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  let check: DbHandle | undefined;
  const dirs: string[] = [];

  beforeAll(async () => {
    await buildServerIfStale();
    schema = await createTestSchema();
    const appSecret = randomBytes(32).toString('hex');
    const env = () => {
      const dataDir = tempDir('wd-kill-');
      dirs.push(dataDir);
      return {
        DATA_DIR: dataDir, DATABASE_URL: schema.url, REDIS_URL: '', APP_SECRET: appSecret, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
        DEFAULT_TENANT: 'genk', QUESTION_MODEL: 'off', LLM_PROVIDER: '', RATE_LIMIT_PER_MINUTE: '0', WS_MAX_SOCKETS_PER_IP: '0',
        LOG_LEVEL: 'warn', SHUTDOWN_SECONDS: '2',
      };
    };
    // Both at once, as a rolling start may: the migrator's lock lets one migrate and the other find it done.
    [a, b] = await Promise.all([startServer(env()), startServer(env())]);
    check = createDb({ databaseUrl: schema.url, poolSize: 2 });
  }, 120_000);

  afterAll(async () => {
    a?.child.kill('SIGKILL');
    await Promise.all([a?.exited, b?.stop()]);
    await check?.db.destroy();
    await schema?.drop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged write, and the other instance answers throughout', async () => {
    let stop = false;
    const clients = [a!, b!].flatMap((server, i) => Array.from({ length: CLIENTS_PER_INSTANCE }, (_, c) =>
      client(i === 0 ? 'A' : 'B', server.url, c, () => stop)));

    // Under load on both: kill -9 the node process of A itself (no wrapper in between) once both acknowledged writes.
    await until(() => ackCount('A') >= 30 && ackCount('B') >= 30, 30_000);
    expect(ackCount('A'), a!.output()).toBeGreaterThanOrEqual(30);
    const cutOff = inFlight.A;
    process.kill(a!.pid, 'SIGKILL');
    const killedAt = Date.now();
    expect(cutOff).toBeGreaterThan(0);
    expect(await a!.exited).toBe('SIGKILL');

    // B keeps answering: let the load run on until B acknowledged plenty after the kill (and A's clients hit the dead port).
    await until(() => ackCount('B', killedAt) >= 60 && failures.some((f) => f.instance === 'A' && f.at > killedAt), 30_000);
    stop = true;
    await Promise.all(clients);

    const failedOnB = failures.filter((f) => f.instance === 'B');
    expect(failedOnB, b!.output()).toEqual([]);
    expect(ackCount('B', killedAt)).toBeGreaterThanOrEqual(60);
    expect(failures.some((f) => f.instance === 'A' && f.at > killedAt)).toBe(true);
    expect((await fetch(`${b!.url}/health/ready`)).status).toBe(200);

    // Every acknowledged write, from either instance, is in PostgreSQL.
    const db = check!.db;
    const chatIds = acks.chats.map((c) => c.messageId);
    const answers = new Map((await db.selectFrom('messages').select(['id', 'conversation_id', 'role', 'text']).where('id', 'in', chatIds).execute()).map((r) => [r.id, r]));
    const conversationIds = [...new Set(acks.chats.map((c) => c.conversationId))];
    const questions = await db.selectFrom('messages').select(['id', 'conversation_id', 'text'])
      .where('role', '=', 'user').where('conversation_id', 'in', conversationIds).orderBy('id').execute();
    for (const chat of acks.chats) {
      expect(answers.get(chat.messageId), `answer ${chat.messageId} acknowledged by ${chat.instance}`).toEqual({ id: chat.messageId, conversation_id: chat.conversationId, role: 'assistant', text: chat.answer });
      // The question is the conversation's last one stored before its answer.
      const asked = questions.filter((q) => q.conversation_id === chat.conversationId && q.id < chat.messageId).at(-1);
      expect(asked?.text, `question before answer ${chat.messageId}`).toBe(chat.question);
    }
    const conversations = await db.selectFrom('conversations').select('id').where('id', 'in', conversationIds).execute();
    expect(conversations.map((c) => c.id).sort()).toEqual([...conversationIds].sort());

    const feedback = new Map((await db.selectFrom('feedback').select(['id', 'message_id']).where('id', 'in', acks.feedback.map((f) => f.id)).execute()).map((r) => [r.id, r.message_id]));
    for (const f of acks.feedback) expect(feedback.get(f.id), `feedback ${f.id} acknowledged by ${f.instance}`).toBe(f.messageId);
    const handovers = new Map((await db.selectFrom('handovers').select(['id', 'conversation_id']).where('id', 'in', acks.handovers.map((h) => h.id)).execute()).map((r) => [r.id, r.conversation_id]));
    for (const h of acks.handovers) expect(handovers.get(h.id), `handover ${h.id} acknowledged by ${h.instance}`).toBe(h.conversationId);

    // The check covered writes from both instances, A's from before the kill included.
    expect(acks.chats.some((c) => c.instance === 'A') && acks.feedback.some((f) => f.instance === 'A') && acks.handovers.some((h) => h.instance === 'A')).toBe(true);
    expect(acks.handovers.some((h) => h.instance === 'B' && h.at > killedAt)).toBe(true);
  }, 90_000);
});
