import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { Tenant } from '../knowledge/knowledge-types';

/**
 * A municipality's assistant may be embedded only on the sites it declares (issue 5). Calls without
 * an Origin (curl, server-to-server) and same-origin calls (the demo pages) are always fine.
 */
export function isOriginAllowed(request: FastifyRequest, tenant: Tenant | null): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  const host = request.headers.host;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  return !!tenant && tenant.allowedOrigins.includes(origin);
}

export function enforceOrigin(request: FastifyRequest, reply: FastifyReply | null, tenant: Tenant | null): void {
  if (!isOriginAllowed(request, tenant)) throw new AppError('forbidden_origin');
  const origin = request.headers.origin;
  if (origin && reply) {
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'Origin');
  }
}
