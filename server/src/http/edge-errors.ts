import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CATALOGUE, errorBody, toAppError, type ErrorCode } from '../errors';

// Errors raised before a route runs (issue 13, finding 6): Fastify's own answers for a bad URL or an oversized
// path parameter, and Node's HTTP parser errors (431 header overflow, malformed requests, request timeout),
// came back in Fastify's shape and echoed the URL. Here they take the catalogue's shape, `{error:{code,message}}`,
// and never repeat what the client sent. They are the client's fault: logged at debug, without a stack.

/** Fastify's `frameworkErrors` option: a URL that cannot be decoded (`/%`), a path parameter over maxParamLength. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code: ErrorCode = error.code === 'FST_ERR_BAD_URL' ? 'bad_url' : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : toAppError(error).code;
  request.log.debug({ code: error.code }, 'request refused before routing');
  // These replies skip the onRequest hooks (security headers), so the two that matter are set here.
  return reply
    .status(ERROR_CATALOGUE[code].status)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(errorBody(code));
}

/** Every unknown address gets the same answer: the method and URL are not repeated. */
export function notFoundHandler(_request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send(errorBody('not_found'));
}

// Node folds an overlong request line into the header limit; a request line this long is reported as 414.
const LONG_REQUEST_LINE = 8 * 1024;

type ClientError = Error & { code?: string; rawPacket?: unknown };

function clientErrorCode(err: ClientError): ErrorCode {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request_timeout';
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    const raw = Buffer.isBuffer(err.rawPacket) ? err.rawPacket : null;
    const lineEnd = raw ? raw.indexOf('\r\n') : -1;
    const firstLine = raw ? (lineEnd === -1 ? raw.length : lineEnd) : 0;
    return raw && /^[A-Z]+ \//.test(raw.subarray(0, 16).toString('latin1')) && firstLine > LONG_REQUEST_LINE ? 'uri_too_long' : 'headers_too_large';
  }
  return 'bad_request';
}

/**
 * Fastify's `clientErrorHandler` option (Node's `clientError` event): the request never reached Fastify, so the
 * response is written on the socket by hand, then the connection is closed.
 */
export function clientErrorHandler(this: FastifyInstance, err: ClientError, socket: Socket) {
  // A reset connection has nobody left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code = clientErrorCode(err);
  const { status } = ERROR_CATALOGUE[code];
  this.log.debug({ code: err.code }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(errorBody(code));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}
