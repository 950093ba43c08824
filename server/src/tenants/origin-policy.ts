import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { Tenant } from '../knowledge/knowledge-types';

// Which web pages may talk to a municipality's assistant (issues 5 and 13). A browser names the page in the
// Origin header; calls without one (curl, server-to-server) carry no ambient authority and are always fine.
//
// Allowed, for a given municipality:
// - its own list: the knowledge override's allowedOrigins, as changed live from the console;
// - TENANT_ORIGINS for it (the municipalities without an override, issue 13);
// - DEV_ORIGINS (local development pages; empty in production);
// - our own pages (the demo pages, the console). With PUBLIC_URL set that is exactly its origin. Without it
//   (a laptop, the tests) an Origin equal to the Host header counts only for loopback hosts: "Origin equals
//   Host" alone would let any page whose DNS name points at us (DNS rebinding) or any non-browser client in.

const ORIGIN = /^https?:\/\/[^/\s]+$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface OriginPolicyOptions {
  publicUrl?: string;
  devOrigins?: string[];
  tenantOrigins?: Record<string, string[]>;
  /** Read at every check: the console changes a tenant's allowedOrigins in place. */
  tenants: () => readonly Tenant[];
}

export interface OriginPolicy {
  /** The page is one of ours (PUBLIC_URL, or a loopback host when PUBLIC_URL is not set). */
  isOwn(origin: string, host: string | undefined): boolean;
  /** May this page use this municipality's assistant? */
  allows(origin: string, host: string | undefined, tenant: Tenant | null): boolean;
  /** May this page use some municipality's assistant? For CORS preflights, which do not name the tenant. */
  allowsAny(origin: string, host: string | undefined): boolean;
}

export function createOriginPolicy(opts: OriginPolicyOptions): OriginPolicy {
  const publicOrigin = opts.publicUrl ? new URL(opts.publicUrl).origin : null;
  const dev = new Set(opts.devOrigins ?? []);
  const configured = new Map(Object.entries(opts.tenantOrigins ?? {}).map(([slug, list]) => [slug, new Set(list)]));

  function isOwn(origin: string, host: string | undefined): boolean {
    if (publicOrigin) return origin === publicOrigin;
    if (!host || (origin !== `http://${host}` && origin !== `https://${host}`)) return false;
    try {
      return LOOPBACK.has(new URL(origin).hostname);
    } catch {
      return false;
    }
  }

  function base(origin: string, host: string | undefined): boolean | null {
    if (!ORIGIN.test(origin)) return false; // `null` (sandboxed frames, file: pages) and anything malformed
    if (dev.has(origin) || isOwn(origin, host)) return true;
    return null;
  }

  return {
    isOwn,
    allows(origin, host, tenant) {
      const b = base(origin, host);
      if (b !== null) return b;
      return !!tenant && (tenant.allowedOrigins.includes(origin) || !!configured.get(tenant.slug)?.has(origin));
    },
    allowsAny(origin, host) {
      const b = base(origin, host);
      if (b !== null) return b;
      for (const list of configured.values()) if (list.has(origin)) return true;
      return opts.tenants().some((t) => t.allowedOrigins.includes(origin));
    },
  };
}

export function isOriginAllowed(request: FastifyRequest, tenant: Tenant | null): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return request.server.originPolicy.allows(origin, request.headers.host, tenant);
}

/** Refuses a call from a page the municipality does not allow (the CORS headers come from server/src/http/cors.ts). */
export function enforceOrigin(request: FastifyRequest, tenant: Tenant | null): void {
  if (!isOriginAllowed(request, tenant)) throw new AppError('forbidden_origin');
}

declare module 'fastify' {
  interface FastifyInstance {
    originPolicy: OriginPolicy;
  }
}
