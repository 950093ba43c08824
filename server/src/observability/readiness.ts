export type CheckStatus = 'ok' | 'failed';

export interface ReadinessDeps {
  /** Rejects when the database cannot answer (closed, locked for good, file gone, PostgreSQL unreachable). */
  pingDb: () => Promise<unknown>;
  /** Documents in the search index; throws when the index is not loaded. */
  indexDocuments: () => number;
}

const PING_TIMEOUT_MS = 2000;

export interface Readiness {
  ready: boolean;
  checks: { db: CheckStatus; index: CheckStatus };
}

async function check(run: () => boolean | Promise<boolean>): Promise<CheckStatus> {
  try {
    return (await run()) ? 'ok' : 'failed';
  } catch {
    return 'failed';
  }
}

/**
 * Readiness, unlike liveness (/health), asks whether this instance can answer a question now: the database
 * takes a query and the search index holds cards. A load balancer sends no traffic to an instance that is not.
 */
export function createReadinessCheck(deps: ReadinessDeps): () => Promise<Readiness> {
  return async () => {
    const checks = {
      db: await check(async () => {
        // An unreachable PostgreSQL may not fail at once; a probe that hangs would hang the load balancer's check.
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('database ping timed out')), PING_TIMEOUT_MS);
        });
        await Promise.race([deps.pingDb(), late]).finally(() => clearTimeout(timer));
        return true;
      }),
      index: await check(() => deps.indexDocuments() > 0),
    };
    return { ready: checks.db === 'ok' && checks.index === 'ok', checks };
  };
}
