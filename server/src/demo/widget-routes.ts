import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Serves the built widget and the demo town-hall pages (`/` and `/demo/<slug>`). */
export async function widgetRoutes(app: FastifyInstance, opts: { widgetDir: string }) {
  const bundle = path.resolve(opts.widgetDir, 'dist', 'widget.js');
  const template = path.resolve(opts.widgetDir, 'demo', 'town-hall.html');

  app.get('/widget.js', async (_request, reply) => {
    if (!fs.existsSync(bundle)) throw new AppError('not_found', 'The widget is not built yet: run `npm run build:widget`.');
    return reply
      .header('content-type', 'application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .send(fs.readFileSync(bundle));
  });

  app.get('/demo.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(fs.readFileSync(path.resolve(opts.widgetDir, 'demo', 'demo.css'))),
  );

  const page = (slug: string) => {
    const tenant = app.tenants.resolve(slug);
    if (!tenant) throw new AppError('unknown_tenant', `Unknown municipality "${slug}".`);
    const demos = app.tenants.all.filter((t) => t.demo);
    const lang = tenant.region === 'wallonia' || tenant.region === 'brussels' ? 'fr' : tenant.region === 'german-speaking' ? 'de' : 'nl';
    const links = demos.map((t) => `<li><a href="/demo/${t.slug}">${escapeHtml(t.name)}</a></li>`).join('');
    return fs
      .readFileSync(template, 'utf8')
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
