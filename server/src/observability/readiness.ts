export type CheckStatus = 'ok' | 'failed';

export interface ReadinessDeps {
  /** Throws when the database cannot answer (closed, locked for good, file gone). */
  pingDb: () => void;
  /** Documents in the search index; throws when the index is not loaded. */
  indexDocuments: () => number;
}

export interface Readiness {
  ready: boolean;
  checks: { db: CheckStatus; index: CheckStatus };
}

function check(run: () => boolean): CheckStatus {
  try {
    return run() ? 'ok' : 'failed';
  } catch {
    return 'failed';
  }
}

/**
 * Readiness, unlike liveness (/health), asks whether this instance can answer a question now: the database
 * takes a query and the search index holds cards. A load balancer sends no traffic to an instance that is not.
 */
export function createReadinessCheck(deps: ReadinessDeps): () => Readiness {
  return () => {
    const checks = {
      db: check(() => {
        deps.pingDb();
        return true;
      }),
      index: check(() => deps.indexDocuments() > 0),
    };
    return { ready: checks.db === 'ok' && checks.index === 'ok', checks };
  };
}
