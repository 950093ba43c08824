import type { NotifyChannel } from '../scale/notify-channel';

export const ACTOR_EDITS_TOPIC = 'actor-edits';

export interface ActorEditsSyncDeps {
  notify: NotifyChannel;
  /** Reads every organisation edit and tenant setting from the database and refreshes the composer. */
  reload: () => Promise<void>;
  warn?: (msg: string, err?: unknown) => void;
}

/**
 * A clerk's edit to an organisation or to the municipality's settings reaches every instance within seconds
 * (issue 14): the instance that stored it announces `{ tenant }` on the channel, and every instance — the
 * announcing one included, so that a reload that read the table just before its own edit cannot leave it
 * stale — reads the edits again. Reloads are coalesced: an import of a hundred rows costs a few, not a hundred.
 */
export function createActorEditsSync(deps: ActorEditsSyncDeps) {
  let running: Promise<void> | null = null;
  let again = false;
  let unsubscribe: (() => Promise<void>) | null = null;
  let offReconnect: (() => void) | null = null;

  function reload(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await deps.reload();
      } while (again);
    })().catch((err) => deps.warn?.('reloading the organisation edits failed', err)).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    reload,
    async start(): Promise<void> {
      unsubscribe = await deps.notify.subscribe(ACTOR_EDITS_TOPIC, () => void reload());
      // Announcements sent while the channel was down are lost: read the edits again once it is back.
      offReconnect = deps.notify.onReconnect(() => void reload());
    },
    async stop(): Promise<void> {
      offReconnect?.();
      await unsubscribe?.().catch(() => {});
      await running;
    },
    /** After an edit is committed; never throws (the edit is stored, the others catch up at their next reload). */
    async announce(tenant: string): Promise<void> {
      await deps.notify.publish(ACTOR_EDITS_TOPIC, { tenant }).catch((err) => deps.warn?.('could not announce an organisation edit', err));
    },
  };
}

export type ActorEditsSync = ReturnType<typeof createActorEditsSync>;
