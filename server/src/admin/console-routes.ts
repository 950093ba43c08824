import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/** The console's page and its script (built like the widget: widget/dist/console.js). */
export async function consoleRoutes(app: FastifyInstance, opts: { widgetDir: string }) {
  const dir = path.resolve(opts.widgetDir);
  app.get('/admin', async (_request, reply) => {
    const file = path.join(dir, 'console', 'index.html');
    if (!fs.existsSync(file)) return reply.status(404).type('text/plain').send('The console is not built.');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(fs.readFileSync(file));
  });
  app.get('/admin/console.js', async (_request, reply) => {
    const file = path.join(dir, 'dist', 'console.js');
    if (!fs.existsSync(file)) return reply.status(404).type('text/plain').send('The console is not built: npm run build:widget.');
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(fs.readFileSync(file));
  });
}
