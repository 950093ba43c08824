import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The server's secret: APP_SECRET when set (several instances must share it), else one generated at first
 * start and kept in the data folder so that sessions and conversation tokens survive a restart.
 */
export function loadAppSecret(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  if (dataDir === ':memory:') return crypto.randomBytes(32);
  const file = path.join(dataDir, 'app-secret');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32);
    fs.writeFileSync(file, secret.toString('base64url'), { mode: 0o600 });
    return secret;
  }
}

/** A key for one purpose, so that a token of one kind can never pass as another. */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  return crypto.createHmac('sha256', secret).update(`welcome-desk:${purpose}`).digest();
}
