import crypto from 'node:crypto';
import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import type { Db } from '../db/database';

const key = (sessionId: string) => crypto.createHash('sha256').update(sessionId).digest('hex');
const DAY = 24 * 60 * 60 * 1000;

/**
 * Sessions in the database rather than in memory: they survive a restart and are shared by every instance
 * behind one address (issue 14). The id is stored hashed.
 */
export function createSessionStore(db: Db): SessionStore & { purgeExpired(): Promise<number> } {
  return {
    set(sessionId, session, callback) {
      const expires = session.cookie.expires ? new Date(session.cookie.expires) : new Date(Date.now() + DAY);
      db.insertInto('sessions').values({ id: key(sessionId), data: JSON.stringify(session), expires_at: expires.toISOString() })
        .onConflict((oc) => oc.column('id').doUpdateSet({ data: JSON.stringify(session), expires_at: expires.toISOString() }))
        .execute().then(() => callback(), callback);
    },
    get(sessionId, callback) {
      db.selectFrom('sessions').selectAll().where('id', '=', key(sessionId)).executeTakeFirst().then((row) => {
        if (!row || row.expires_at < new Date().toISOString()) return callback(null, null);
        callback(null, JSON.parse(row.data) as Session);
      }, (err) => callback(err, null));
    },
    destroy(sessionId, callback) {
      db.deleteFrom('sessions').where('id', '=', key(sessionId)).execute().then(() => callback(), callback);
    },
    async purgeExpired() {
      const result = await db.deleteFrom('sessions').where('expires_at', '<', new Date().toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
