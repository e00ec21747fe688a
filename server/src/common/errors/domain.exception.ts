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
