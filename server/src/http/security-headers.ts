import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

// Security headers on every response (issue 13, finding 7), through @fastify/helmet:
// - a Content-Security-Policy for our own pages (the demo pages and the console): scripts only from our origin,
//   no inline script at all; the widget's WebSocket to the same host is allowed;
// - X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer, X-Frame-Options / frame-ancestors 'self';
// - Cache-Control: no-store on every /api response (answers, tokens and clerks' data must not sit in caches).
// The widget script itself is embedded by other sites: its route sets Cross-Origin-Resource-Policy: cross-origin.

export interface SecurityHeaderOptions {
  /** PUBLIC_URL: with https, HSTS and upgrade-insecure-requests are sent. */
  publicUrl?: string;
  /** Pages whose inline <style> blocks are allowed by hash (the console's index.html). */
  inlineStylePages: string[];
}

// A Host header used in the policy must be a plain host[:port]; anything else is left out.
const PLAIN_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** sha256 sources for the inline <style> blocks of a page, re-read when the file changes. */
function styleHashes(files: string[]): () => string {
  const cache = new Map<string, { mtimeMs: number; hashes: string[] }>();
  return () => {
    const all = new Set<string>();
    for (const file of files) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        continue;
      }
      let entry = cache.get(file);
      if (!entry || entry.mtimeMs !== stat.mtimeMs) {
        const html = fs.readFileSync(file, 'utf8');
        const hashes = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
        entry = { mtimeMs: stat.mtimeMs, hashes };
        cache.set(file, entry);
      }
      for (const h of entry.hashes) all.add(h);
    }
    return [...all].join(' ');
  };
}

export default fp<SecurityHeaderOptions>(
  async (app, opts) => {
    const https = opts.publicUrl?.startsWith('https:') ?? false;
    const publicHost = opts.publicUrl ? new URL(opts.publicUrl).host : null;
    // 'self' covers ws:/wss: to our own host in current browsers (CSP 3); older Safari needs them spelled out.
    const webSocketSelf = (req: IncomingMessage) => {
      const host = publicHost ?? req.headers.host ?? '';
      return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : '';
    };
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          // The widget styles its shadow root with constructable stylesheets, which CSP does not govern; the
          // console has one inline <style> block (allowed by its hash) and sets a few style attributes (bar widths).
          styleSrc: ["'self'", styleHashes(opts.inlineStylePages)],
          styleSrcAttr: ["'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'", webSocketSelf],
          formAction: ["'self'"],
          frameAncestors: ["'self'"],
          // On http (a laptop, the tests) upgrading would break every request.
          upgradeInsecureRequests: https ? [] : null,
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    });
    app.addHook('onRequest', async (request, reply) => {
      if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'security-headers' },
);
