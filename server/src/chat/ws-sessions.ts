import type { WebSocket } from 'ws';

/** One open chat socket as the registry sees it (the session itself lives in ws-session.ts). */
export interface TrackedSocket {
  readonly socket: WebSocket;
  readonly ip: string;
  /** Last time anything (a frame or a pong) came from the client. */
  lastSeen: number;
  /** Since when reading is paused because the client does not read its answers; null when flowing. */
  pausedSince: number | null;
  /** Shutdown: drop queued asks, finish the one being answered, then close with 1001 (going away). */
  shutdown(): void;
}

export interface WsSessionOptions {
  /** Open chat sockets per client address; 0 = no cap (load tests). */
  maxPerIp: number;
  /** A socket silent this long (no pong, no frame), or unread this long, is terminated. */
  idleMs: number;
}

export interface WsSessions {
  readonly closing: boolean;
  /** Registers a socket, or returns false when its address already has its share or the app is closing. */
  admit(entry: TrackedSocket): boolean;
  count(ip?: string): number;
  /** Resolves once every tracked socket has closed (after each finished its current ask). */
  drain(): Promise<void>;
  /** The shutdown deadline passed: cut every socket that is still open. */
  terminateAll(): void;
  stop(): void;
}

/**
 * The per-app registry of chat sockets (issue 13, findings 1 and 2): the cap per address, one heartbeat timer
 * for all sockets (a timer per socket would be 5,000 timers under load), and the drain used by graceful shutdown.
 */
export function createWsSessions({ maxPerIp, idleMs }: WsSessionOptions): WsSessions {
  const all = new Set<TrackedSocket>();
  const perIp = new Map<string, number>();
  const drained: (() => void)[] = [];
  let closing = false;
  let heartbeat: NodeJS.Timeout | null = null;

  // Ping a third of the idle time apart, so a live client has answered at least two pings before the cut.
  const tick = () => {
    const now = Date.now();
    for (const entry of all) {
      const silent = now - entry.lastSeen > idleMs;
      const unread = entry.pausedSince !== null && now - entry.pausedSince > idleMs;
      if (silent || unread) entry.socket.terminate();
      else if (entry.socket.readyState === entry.socket.OPEN) entry.socket.ping();
    }
  };

  const remove = (entry: TrackedSocket) => {
    if (!all.delete(entry)) return;
    const left = (perIp.get(entry.ip) ?? 1) - 1;
    if (left > 0) perIp.set(entry.ip, left);
    else perIp.delete(entry.ip);
    if (all.size === 0) for (const done of drained.splice(0)) done();
  };

  return {
    get closing() {
      return closing;
    },
    admit(entry) {
      const open = perIp.get(entry.ip) ?? 0;
      if (closing || (maxPerIp > 0 && open >= maxPerIp)) return false;
      all.add(entry);
      perIp.set(entry.ip, open + 1);
      entry.socket.on('close', () => remove(entry));
      entry.socket.on('pong', () => {
        entry.lastSeen = Date.now();
      });
      if (!heartbeat) {
        heartbeat = setInterval(tick, Math.max(10, Math.floor(idleMs / 3)));
        heartbeat.unref();
      }
      return true;
    },
    count(ip) {
      return ip === undefined ? all.size : (perIp.get(ip) ?? 0);
    },
    drain() {
      closing = true;
      if (all.size === 0) return Promise.resolve();
      const done = new Promise<void>((resolve) => drained.push(resolve));
      for (const entry of [...all]) entry.shutdown();
      return done;
    },
    terminateAll() {
      for (const entry of [...all]) entry.socket.terminate();
    },
    stop() {
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
    },
  };
}
