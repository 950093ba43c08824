import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, zodMessage } from '../errors';
import { csrfTokenFor, requireUser } from './auth-plugin';
import type { AdminDeps } from './admin-deps';

const signInSchema = z.object({ email: z.string().trim().min(3).max(200), password: z.string().min(1).max(200) }).strict();

/** Sign-in and sign-out for clerks and maintainers (issue 12). */
export async function sessionRoutes(app: FastifyInstance, deps: AdminDeps) {
  // The schema feeds the OpenAPI document only (plugins/openapi.ts); the handler parses the body itself.
  app.post('/api/admin/session', { schema: { summary: 'Sign in (sets the session cookie, returns the CSRF token)', body: signInSchema }, config: { rateLimit: { max: deps.signInPerMinute, timeWindow: '1 minute' } } }, async (request, reply) => {
    const parsed = signInSchema.safeParse(request.body);
    if (!parsed.success) throw new AppError('invalid_request', zodMessage(parsed.error));
    const user = await deps.users.authenticate(parsed.data.email, parsed.data.password);
    if (!user) {
      await deps.audit.record({ userId: null, tenant: null, action: 'sign-in-failed', target: parsed.data.email.toLowerCase() });
      throw new AppError('invalid_credentials');
    }
    // A fresh session id at sign-in: a session fixed before sign-in is worth nothing after it.
    await request.session.regenerate();
    request.session.set('userId', user.id);
    const csrfToken = csrfTokenFor(request);
    await deps.audit.record({ userId: user.id, tenant: null, action: 'sign-in' });
    return reply.send({ user, csrfToken });
  });

  app.get('/api/admin/session', async (request) => {
    const user = requireUser(request);
    return { user, csrfToken: csrfTokenFor(request) };
  });

  app.delete('/api/admin/session', async (request, reply) => {
    const userId = request.session.get('userId');
    await request.session.destroy();
    if (userId) await deps.audit.record({ userId, tenant: null, action: 'sign-out' });
    return reply.status(204).send();
  });
}
