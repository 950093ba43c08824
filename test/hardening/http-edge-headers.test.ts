import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget } from '../../widget/build';
import { buildTestApp, tempDir } from '../helpers/test-app';

// Issue 13, findings 7 and 10: security headers on our pages and the API, and widget.js compressed with a long
// cache on a versioned URL while the plain /widget.js stays short-lived and embeddable from any site.

const REPO_WIDGET = path.resolve(__dirname, '../../widget');
let app: FastifyInstance;
let widgetDir: string;
let bundle: Buffer;

beforeAll(async () => {
  widgetDir = tempDir('wd-edge-widget-');
  fs.cpSync(path.join(REPO_WIDGET, 'demo'), path.join(widgetDir, 'demo'), { recursive: true });
  fs.mkdirSync(path.join(widgetDir, 'console'));
  fs.writeFileSync(path.join(widgetDir, 'console', 'index.html'), '<!doctype html><title>c</title><style>body { color: red; }</style><script src="/admin/console.js" defer></script>');
  await buildWidget(path.join(widgetDir, 'dist', 'widget.js'));
  bundle = fs.readFileSync(path.join(widgetDir, 'dist', 'widget.js'));
  app = await buildTestApp({ widgetDir });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(widgetDir, { recursive: true, force: true });
});

function directives(csp: string | undefined): Map<string, string[]> {
  expect(csp).toBeTruthy();
  return new Map(csp!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

describe('security headers', () => {
  it('gives the demo page a CSP without inline scripts that lets the widget open its WebSocket', async () => {
    const res = await app.inject({ method: 'GET', url: '/demo/genk', headers: { host: 'welcome.test:3000' } });
    expect(res.statusCode).toBe(200);
    const csp = directives(res.headers['content-security-policy'] as string);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(expect.arrayContaining(["'self'", 'ws://welcome.test:3000', 'wss://welcome.test:3000']));
    expect(csp.get('style-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    // On plain http (no https PUBLIC_URL) nothing may be upgraded, or the page would break on a laptop.
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // The page itself has no inline script for the CSP to block.
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('leaves a Host that could smuggle directives out of the policy', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { host: "evil; script-src 'unsafe-inline'" } });
    const csp = directives(res.headers['content-security-policy'] as string);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('allows the console page\'s inline <style> by its hash only', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin' });
    expect(res.statusCode).toBe(200);
    const hash = createHash('sha256').update('body { color: red; }').digest('base64');
    const csp = directives(res.headers['content-security-policy'] as string);
    expect(csp.get('style-src')).toEqual(["'self'", `'sha256-${hash}'`]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('sends HSTS and upgrade-insecure-requests behind an https PUBLIC_URL, and wss to it', async () => {
    const secure = await buildTestApp({ widgetDir, publicUrl: 'https://welcome.example.be' });
    try {
      const res = await secure.inject({ method: 'GET', url: '/' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const csp = directives(res.headers['content-security-policy'] as string);
      expect(csp.has('upgrade-insecure-requests')).toBe(true);
      expect(csp.get('connect-src')).toContain('wss://welcome.example.be');
    } finally {
      await secure.close();
    }
  });

  it('marks every /api response no-store, errors included, and not the widget script', async () => {
    for (const url of ['/api/tenants/genk', '/api/tenants/nowhere', '/api/no-such-route']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
    const post = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'How do I register at the town hall?', tenant: 'genk' } });
    expect(post.statusCode).toBe(200);
    expect(post.headers['cache-control']).toBe('no-store');
    // The API is never compressed (a secret token next to visitor-chosen text: BREACH).
    const gz = await app.inject({ method: 'POST', url: '/api/chat', headers: { 'accept-encoding': 'gzip, br' }, payload: { message: 'How do I register at the town hall?', tenant: 'genk' } });
    expect(gz.headers['content-encoding']).toBeUndefined();
  });
});

describe('widget.js', () => {
  const version = () => createHash('sha256').update(bundle).digest('hex').slice(0, 16);

  it('goes out gzip-compressed, and the decompressed body is the built file', async () => {
    const res = await app.inject({ method: 'GET', url: '/widget.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(bundle.length / 2);
    expect(zlib.gunzipSync(res.rawPayload).equals(bundle)).toBe(true);
  });

  it('goes out brotli-compressed when the browser prefers it, and plain without Accept-Encoding', async () => {
    const br = await app.inject({ method: 'GET', url: '/widget.js', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(bundle)).toBe(true);
    const plain = await app.inject({ method: 'GET', url: '/widget.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(bundle)).toBe(true);
  });

  it('is cached for good on its versioned URL, briefly on the plain one and on an outdated version', async () => {
    const versioned = await app.inject({ method: 'GET', url: `/widget.js?v=${version()}` });
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await app.inject({ method: 'GET', url: '/widget.js' });
    expect(plain.headers['cache-control']).toBe('public, max-age=300');
    const old = await app.inject({ method: 'GET', url: '/widget.js?v=0123456789abcdef' });
    expect(old.headers['cache-control']).toBe('public, max-age=300');
    expect(old.rawPayload.equals(bundle)).toBe(true);
  });

  it('stays embeddable from other sites (Cross-Origin-Resource-Policy: cross-origin)', async () => {
    const res = await app.inject({ method: 'GET', url: '/widget.js', headers: { origin: 'https://www.genk.be' } });
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    // Our pages keep helmet's same-origin default.
    expect((await app.inject({ method: 'GET', url: '/' })).headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('is loaded by the demo pages through the versioned URL', async () => {
    const page = await app.inject({ method: 'GET', url: '/demo/genk' });
    expect(page.body).toContain(`<script src="/widget.js?v=${version()}" data-tenant="genk" async></script>`);
  });
});
