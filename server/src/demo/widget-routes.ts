import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// widget.js goes out compressed (issue 13, finding 10: 53 KB plain, about 22 KB with brotli or gzip). Brotli's
// default quality 11 costs some 200 ms of CPU per response for this file; quality 5 costs a few ms and loses
// little. The API is not compressed: its answers mix a secret (the conversation token) with text the visitor
// chose, the mix that compression side channels (BREACH) need.
export const WIDGET_COMPRESSION = {
  encodings: ['br', 'gzip'] as ('br' | 'gzip')[],
  brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
  threshold: 1024,
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
// The plain /widget.js, in clerks' existing script tags, must pick up a new version soon.
const SHORT = 'public, max-age=300';

/** The built bundle and its content hash, re-read when the file changes (a rebuild while running). */
function widgetBundle(file: string) {
  let cached: { mtimeMs: number; size: number; code: Buffer; version: string } | null = null;
  return (): { code: Buffer; version: string } | null => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return null;
    }
    if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
      const code = fs.readFileSync(file);
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, code, version: createHash('sha256').update(code).digest('hex').slice(0, 16) };
    }
    return cached;
  };
}

/** Serves the built widget and the demo town-hall pages (`/` and `/demo/<slug>`). */
export async function widgetRoutes(app: FastifyInstance, opts: { widgetDir: string }) {
  const bundle = widgetBundle(path.resolve(opts.widgetDir, 'dist', 'widget.js'));
  const template = path.resolve(opts.widgetDir, 'demo', 'town-hall.html');

  /** The versioned address (`/widget.js?v=<content hash>`), cached for a year; the plain one for 5 minutes. */
  const widgetSrc = () => {
    const b = bundle();
    return b ? `/widget.js?v=${b.version}` : '/widget.js';
  };

  app.get<{ Querystring: { v?: string } }>('/widget.js', { compress: WIDGET_COMPRESSION }, async (request, reply) => {
    const b = bundle();
    if (!b) throw new AppError('not_found', 'The widget is not built yet: run `npm run build:widget`.');
    return reply
      .header('content-type', 'application/javascript; charset=utf-8')
      // Only the version asked for may be cached for good; an old ?v= gets today's file with the short cache.
      .header('cache-control', request.query.v === b.version ? IMMUTABLE : SHORT)
      .header('access-control-allow-origin', '*')
      // Town-hall sites load this script from another origin: helmet's same-origin default would block it.
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(b.code);
  });

  app.get('/demo.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(fs.readFileSync(path.resolve(opts.widgetDir, 'demo', 'demo.css'))),
  );

  const page = (slug: string) => {
    const tenant = app.tenants.resolve(slug);
    if (!tenant) throw new AppError('unknown_tenant');
    const demos = app.tenants.all.filter((t) => t.demo);
    const lang = tenant.region === 'wallonia' || tenant.region === 'brussels' ? 'fr' : tenant.region === 'german-speaking' ? 'de' : 'nl';
    const links = demos.map((t) => `<li><a href="/demo/${t.slug}">${escapeHtml(t.name)}</a></li>`).join('');
    return fs
      .readFileSync(template, 'utf8')
      .replaceAll('{{widgetSrc}}', escapeHtml(widgetSrc()))
      .replaceAll('{{slug}}', escapeHtml(tenant.slug))
      .replaceAll('{{name}}', escapeHtml(tenant.name))
      .replaceAll('{{lang}}', lang)
      .replaceAll('{{demos}}', links);
  };

  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page(demoDefault())));
  app.get<{ Params: { slug: string } }>('/demo/:slug', async (request, reply) => reply.type('text/html; charset=utf-8').send(page(request.params.slug)));

  function demoDefault(): string {
    return app.tenants.resolve('genk')?.slug ?? app.tenants.all.find((t) => t.demo)?.slug ?? app.tenants.all[0].slug;
  }
}
