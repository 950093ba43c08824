import type { WebSocket } from 'ws';
import type { ServerFrame } from '../../server/src/chat/protocol';

/** Collects frames until `until` says stop (or fails after `timeoutMs`). */
export function frames(ws: WebSocket, until: (f: ServerFrame) => boolean, timeoutMs = 5000): Promise<ServerFrame[]> {
  return new Promise((resolve, reject) => {
    const got: ServerFrame[] = [];
    const timer = setTimeout(() => reject(new Error(`timed out after ${JSON.stringify(got)}`)), timeoutMs);
    ws.on('message', function onMessage(raw) {
      const frame = JSON.parse(raw.toString()) as ServerFrame;
      got.push(frame);
      if (until(frame)) {
        clearTimeout(timer);
        ws.off('message', onMessage);
        resolve(got);
      }
    });
  });
}
