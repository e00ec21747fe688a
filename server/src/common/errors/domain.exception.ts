import { type ApiErrorDetail, ERROR_CODES, type ErrorCode } from '@tidepool/shared';

/**
 * The one exception domain code throws. The code decides the HTTP status (shared `ERROR_CODES`); the message
 * defaults to the code's plain-Chinese text and may be made more specific (e.g. naming the opening time).
 */
export class DomainException extends Error {
  override readonly name = 'DomainException';

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ApiErrorDetail[],
  ) {
    super(message ?? ERROR_CODES[code].message);
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

/**
 * RATE_LIMITED with when to come back: the filter sends it as Retry-After, so a client (or a script that
 * respects it) waits instead of retrying at once.
 */
export class RateLimitedException extends DomainException {
  readonly retryAfterSeconds: number;

  constructor(retryAfterMs: number, message?: string) {
    super('RATE_LIMITED', message);
    // Whole seconds, rounded up and at least 1: a client coming back on time must find the budget renewed.
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}
