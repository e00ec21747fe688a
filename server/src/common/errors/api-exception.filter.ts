import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { type ApiErrorBody, ERROR_CODES, type ErrorCode } from '@tidepool/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from './database-errors';
import { DomainException, RateLimitedException } from './domain.exception';

// Fastify's own errors (body too large, bad media type) reach us as a bare HttpException: Nest's router maps
// every FastifyError to one before filters run, so they are mapped by status below. Malformed JSON is raised as
// a DomainException by our JSON parser (app.factory.ts), since the status alone cannot tell it apart.
const HTTP_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'VALIDATION_FAILED',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'ROUTE_NOT_FOUND',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'METHOD_NOT_ALLOWED',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'UNSUPPORTED_MEDIA_TYPE',
  [HttpStatus.TOO_MANY_REQUESTS]: 'RATE_LIMITED',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
};

export interface ErrorResponse {
  status: number;
  body: ApiErrorBody;
  /** Sent as Retry-After with every 429. */
  retryAfterSeconds?: number;
}

/** Retry-After for a 429 whose limiter did not say (WeChat's own rate limit, a bare Fastify 429). */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * Turns anything thrown into `{ code, message }` with the right status. Never a stack trace or a raw database
 * message to the client: unknown errors are logged in full and answered with INTERNAL_ERROR.
 */
export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof DomainException) {
    const body: ApiErrorBody = { code: exception.code, message: exception.message };
    if (exception.details) body.details = exception.details;
    const retryAfterSeconds = exception instanceof RateLimitedException ? exception.retryAfterSeconds : undefined;
    return { status: exception.status, body, retryAfterSeconds };
  }
  if (isDatabaseUnavailable(exception)) return fromCode('DATABASE_UNAVAILABLE');
  if (exception instanceof HttpException) {
    const code = HTTP_STATUS_CODES[exception.getStatus()];
    if (code) return fromCode(code);
  }
  // Fastify errors without a code of ours but with a client status (e.g. a bad header) stay client errors.
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, body: { code: 'VALIDATION_FAILED', message: ERROR_CODES.VALIDATION_FAILED.message } };
  }
  return fromCode('INTERNAL_ERROR');
}

function fromCode(code: ErrorCode): ErrorResponse {
  return { status: ERROR_CODES[code].status, body: { code, message: ERROR_CODES[code].message } };
}

export type SpaFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  /** `spaFallback` answers browser navigations to unknown non-API paths with the H5 app instead of a 404. */
  constructor(private readonly spaFallback?: SpaFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, retryAfterSeconds } = toErrorResponse(exception);
    if (body.code === 'ROUTE_NOT_FOUND' && this.spaFallback?.(request, reply)) return;
    if (status >= 500) {
      this.logger.error({
        msg: 'request failed',
        err: exception,
        method: request.method,
        url: request.url,
        code: body.code,
      });
    }
    if (status === 429) void reply.header('retry-after', String(retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS));
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
