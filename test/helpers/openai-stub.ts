import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stub model does with one request. */
export interface StubReply {
  /** The answer text, or a function of the prompt the stub received (to echo it back). */
  content: string | ((prompt: string) => string);
  /** Answer with this HTTP status and an OpenAI-style error body instead. */
  status?: number;
  /** Wait this long before the first token (a slow or stuck provider); a stream sends its headers and role chunk first. */
  firstTokenDelayMs?: number;
  /** Characters per streamed chunk. */
  chunkSize?: number;
  /** Stop streaming after this many characters until `resume` settles (proves pieces leave while the model writes). */
  holdAt?: number;
  resume?: Promise<unknown>;
}

export interface OpenAiStub {
  /** The base URL to configure as LLM_BASE_URL (ends in /v1). */
  url: string;
  /** Every request body received, parsed. */
  requests: { raw: string; body: any }[];
  reply: StubReply;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A small OpenAI-compatible server (POST /v1/chat/completions, with and without `stream: true`), so that tests
 * drive the real @langchain/openai client over HTTP rather than a fake model (issue 13).
 */
export async function startOpenAiStub(reply: StubReply = { content: 'ok' }): Promise<OpenAiStub> {
  const requests: OpenAiStub['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const stub = { requests, reply } as OpenAiStub;
  const server = http.createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const body = JSON.parse(raw);
    requests.push({ raw, body });
    const r = stub.reply;
    let closed = false;
    res.on('close', () => (closed = true));
    if (r.firstTokenDelayMs && !body.stream) await sleep(r.firstTokenDelayMs);
    if (closed) return;
    if (r.status && r.status >= 400) {
      res.writeHead(r.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'stub failure', type: 'server_error', code: null } }));
      return;
    }
    const prompt = (body.messages as { content: unknown }[]).map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
    const content = typeof r.content === 'function' ? r.content(prompt) : r.content;
    const base = { id: 'chatcmpl-stub', created: Math.floor(Date.now() / 1000), model: body.model };
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        ...base, object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const event = (delta: object, finish: string | null = null) =>
      res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
    event({ role: 'assistant', content: '' });
    if (r.firstTokenDelayMs) await sleep(r.firstTokenDelayMs);
    const size = r.chunkSize ?? 4;
    for (let i = 0; i < content.length && !closed; i += size) {
      if (r.holdAt !== undefined && i >= r.holdAt && i - size < r.holdAt && r.resume) await r.resume;
      event({ content: content.slice(i, i + size) });
      // Let each chunk leave as its own network write, the way a real provider streams.
      await sleep(1);
    }
    if (closed) return;
    event({}, 'stop');
    res.end('data: [DONE]\n\n');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  stub.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return stub;
}
