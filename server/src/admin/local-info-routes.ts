import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, zodMessage } from '../errors';
import type { AdminDeps } from './admin-deps';
import { requireTenant, tenantsOf } from './auth-plugin';
import { tenantSettingsSchema } from './local-info';

const tenantQuery = z.object({ tenant: z.string().min(1) }).passthrough();
const idParam = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/) });

function actorOf(p: { kind: string; user?: { id: number } } | null): number | null {
  return p?.kind === 'user' ? p.user!.id : null;
}

/** The municipality a request is about: `?tenant=`, or the clerk's only one. */
function tenantParam(request: FastifyRequest): string {
  const q = tenantQuery.safeParse(request.query);
  let slug: string | undefined = q.success ? q.data.tenant : undefined;
  if (!slug) {
    const mine = tenantsOf(request);
    if (mine !== 'all' && mine.length === 1) slug = mine[0];
  }
  if (!slug) throw new AppError('invalid_request', 'Say which municipality: ?tenant=<slug>.');
  requireTenant(request, slug);
  return slug;
}

/** A municipality's organisations, welcome point and allowed origins, edited live (issue 12). */
export async function localInfoRoutes(app: FastifyInstance, deps: AdminDeps) {
  // Route schemas feed the OpenAPI document only (plugins/openapi.ts); the handlers parse their input themselves.
  app.get('/api/admin/actors', { schema: { summary: 'A municipality\'s organisations', querystring: tenantQuery } }, async (request) => {
    const tenant = tenantParam(request);
    return { tenant, actors: deps.localInfo.listActors(tenant) };
  });

  app.get('/api/admin/actors/:id', { schema: { summary: 'One organisation', params: idParam, querystring: tenantQuery } }, async (request) => {
    const tenant = tenantParam(request);
    const { id } = idParam.parse(request.params);
    const actor = deps.localInfo.getActor(tenant, id);
    if (!actor) throw new AppError('not_found', 'No such organisation in this municipality.');
    return { actor };
  });

  app.post('/api/admin/actors', { schema: { summary: 'Add an organisation', querystring: tenantQuery } }, async (request, reply) => {
    const tenant = tenantParam(request);
    const actor = await deps.localInfo.saveActor(tenant, request.body, actorOf(request.principal as never), 'create');
    await deps.audit.record({ userId: actorOf(request.principal as never), tenant, action: 'actor-create', target: actor.id, detail: actor });
    return reply.status(201).send({ actor });
  });

  app.put('/api/admin/actors/:id', { schema: { summary: 'Change an organisation', params: idParam, querystring: tenantQuery } }, async (request) => {
    const tenant = tenantParam(request);
    const { id } = idParam.parse(request.params);
    const body = request.body as { id?: unknown } | null;
    if (body && typeof body === 'object' && body.id !== undefined && body.id !== id) throw new AppError('invalid_request', 'id: the id in the body must match the URL.');
    const before = deps.localInfo.getActor(tenant, id);
    const actor = await deps.localInfo.saveActor(tenant, { ...(body ?? {}), id }, actorOf(request.principal as never), 'update');
    await deps.audit.record({ userId: actorOf(request.principal as never), tenant, action: 'actor-update', target: id, detail: { before, after: actor } });
    return { actor };
  });

  app.post('/api/admin/actors/:id/verify', { schema: { summary: 'Mark an organisation as checked', params: idParam, querystring: tenantQuery } }, async (request) => {
    const tenant = tenantParam(request);
    const { id } = idParam.parse(request.params);
    const actor = await deps.localInfo.verifyActor(tenant, id, actorOf(request.principal as never));
    await deps.audit.record({ userId: actorOf(request.principal as never), tenant, action: 'actor-verify', target: id });
    return { actor };
  });

  app.delete('/api/admin/actors/:id', { schema: { summary: 'Remove an organisation', params: idParam, querystring: tenantQuery } }, async (request, reply) => {
    const tenant = tenantParam(request);
    const { id } = idParam.parse(request.params);
    const before = deps.localInfo.getActor(tenant, id);
    await deps.localInfo.deleteActor(tenant, id, actorOf(request.principal as never));
    await deps.audit.record({ userId: actorOf(request.principal as never), tenant, action: 'actor-delete', target: id, detail: { before } });
    return reply.status(204).send();
  });

  app.get('/api/admin/settings', { schema: { summary: 'Welcome point and allowed origins', querystring: tenantQuery } }, async (request) => {
    const tenant = tenantParam(request);
    return { tenant, ...deps.localInfo.settings(tenant) };
  });

  app.put('/api/admin/settings', { schema: { summary: 'Change the welcome point and allowed origins', querystring: tenantQuery, body: tenantSettingsSchema } }, async (request) => {
    const tenant = tenantParam(request);
    const before = deps.localInfo.settings(tenant);
    const after = await deps.localInfo.saveSettings(tenant, request.body, actorOf(request.principal as never));
    await deps.audit.record({ userId: actorOf(request.principal as never), tenant, action: 'settings-update', detail: { before, after } });
    return { tenant, ...after };
  });

  app.get('/api/admin/audit', async (request) => {
    const q = z.object({ tenant: z.string().optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }).safeParse(request.query);
    if (!q.success) throw new AppError('invalid_request', zodMessage(q.error));
    let tenants = tenantsOf(request);
    if (q.data.tenant) {
      requireTenant(request, q.data.tenant);
      tenants = [q.data.tenant];
    }
    const own = request.principal?.kind === 'user' ? request.principal.user.id : null;
    return { entries: await deps.audit.list(tenants, q.data.limit, own) };
  });
}
