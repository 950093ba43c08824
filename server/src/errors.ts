import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';

// The one error catalogue (ARCHITECTURE.md, convention 6). Messages are safe to show to anyone.
export const ERROR_CATALOGUE = {
  invalid_request: { status: 400, message: 'The request is not valid.' },
  message_too_long: { status: 413, message: 'The message is too long (2000 characters at most).' },
  unknown_tenant: { status: 404, message: 'Unknown municipality.' },
  not_found: { status: 404, message: 'Not found.' },
  // Raised before routing or by Node's HTTP parser (server/src/http/edge-errors.ts); never echo the URL.
  bad_url: { status: 400, message: 'The address is not valid.' },
  bad_request: { status: 400, message: 'The HTTP request could not be read.' },
  uri_too_long: { status: 414, message: 'The address is too long.' },
  headers_too_large: { status: 431, message: 'The request headers are too large.' },
  request_timeout: { status: 408, message: 'The request took too long to arrive.' },
  forbidden_origin: { status: 403, message: 'This site is not allowed to use this municipality\'s assistant.' },
  unauthorized: { status: 401, message: 'Please sign in.' },
  invalid_credentials: { status: 401, message: 'The e-mail address or the password is not right.' },
  invalid_token: { status: 401, message: 'This conversation needs its token (Authorization: Bearer <conversationToken>).' },
  forbidden: { status: 403, message: 'You may not do this for this municipality.' },
  csrf_failed: { status: 403, message: 'This request did not come from the console. Reload the page and try again.' },
  conflict: { status: 409, message: 'This was changed in the meantime. Reload and try again.' },
  rate_limited: { status: 429, message: 'Too many requests. Please wait a moment and try again.' },
  internal_error: { status: 500, message: 'Something went wrong on our side. Please try again.' },
  not_ready: { status: 503, message: 'The service is not ready to answer (a dependency is down). Try again shortly.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly statusCode: number;

  constructor(readonly code: ErrorCode, message?: string) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.statusCode = ERROR_CATALOGUE[code].status;
  }
}

export function errorBody(code: ErrorCode, message?: string) {
  return { error: { code, message: message ?? ERROR_CATALOGUE[code].message } };
}

export function zodMessage(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
    .join('; ');
}

/**
 * Fastify's schema validation (a route that validates with its `schema`, through ajv or fastify-type-provider-zod)
 * reports issues as `{ instancePath: '/a/b', message }`: worded like zodMessage, so both kinds of route read alike,
 * and without the offending value (issue 13: errors never echo input).
 */
export function validationMessage(issues: { instancePath?: string; message?: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const path = (i.instancePath ?? '').split('/').filter(Boolean).join('.');
      return `${path ? `${path}: ` : ''}${i.message ?? 'is not valid'}`;
    })
    .join('; ');
}

/** Maps anything thrown to the catalogue; 5xx details go to the log, never to the client. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError('invalid_request', zodMessage(error));
  const e = error as Partial<FastifyError>;
  if (e.statusCode === 429) return new AppError('rate_limited');
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('message_too_long');
  const validation = (error as { validation?: unknown }).validation;
  if (Array.isArray(validation) && validation.length) return new AppError('invalid_request', validationMessage(validation));
  if (e.code === 'FST_ERR_VALIDATION' || (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)) {
    const detail = e.code?.startsWith('FST_ERR_CTP') ? 'The body must be valid JSON.' : e.message;
    return new AppError(e.statusCode === 404 ? 'not_found' : 'invalid_request', detail);
  }
  return new AppError('internal_error');
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  if (appError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
  const headers = (error as { headers?: Record<string, string> }).headers;
  if (appError.code === 'rate_limited' && headers) reply.headers(headers);
  return reply.status(appError.statusCode).send(errorBody(appError.code, appError.message));
}
