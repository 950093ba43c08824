import net from 'node:net';
import type { FastifyInstance } from 'fastify';

/** Listens on a random loopback port (the raw tests need Node's real HTTP parser, which inject() skips). */
export async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as net.AddressInfo).port;
}

export interface RawResponse { status: number; headers: Record<string, string>; body: string }

/** Sends bytes as they are and reads the answer until the server closes (or the first full response). */
export function rawRequest(port: number, data: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(data));
    let text = '';
    const finish = () => {
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      text += chunk;
      const [head, ...rest] = text.split('\r\n\r\n');
      const length = /content-length:\s*(\d+)/i.exec(head)?.[1];
      if (rest.length && length !== undefined && Buffer.byteLength(rest.join('\r\n\r\n')) >= Number(length)) {
        socket.destroy();
        finish();
      }
    });
    socket.on('close', () => (text ? finish() : reject(new Error('closed without an answer'))));
    socket.on('error', (err) => (text ? finish() : reject(err)));
  });
}
