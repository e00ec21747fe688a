import { ERROR_CODES, isErrorCode, type ApiErrorDetail, type ErrorCode } from '@tidepool/shared';

/**
 * Every failed call surfaces as an ApiError. `message` is always the Chinese text from ERROR_CODES for `code`,
 * never the server's raw text. `status` is the HTTP status (0 when no response arrived).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: ApiErrorDetail[];

  constructor(code: ErrorCode, status: number, details?: ApiErrorDetail[]) {
    super(ERROR_CODES[code].message);
    this.code = code;
    this.status = status;
    this.details = details;
    // Babel's ES5 class output loses the prototype when extending Error; put it back.
    Object.setPrototypeOf(this, ApiError.prototype);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError || (value instanceof Error && value.name === 'ApiError' && 'code' in value);
}

interface ErrorBodyShape {
  code?: unknown;
  details?: unknown;
}

function readBody(body: unknown): ErrorBodyShape | null {
  if (body && typeof body === 'object') return body;
  if (typeof body === 'string') {
    try {
      const parsed: unknown = JSON.parse(body);
      return parsed && typeof parsed === 'object' ? parsed : null;
    } catch {
      return null;
    }
  }
  return null;
}

function readDetails(details: unknown): ApiErrorDetail[] | undefined {
  if (!Array.isArray(details)) return undefined;
  const valid = details.filter(
    (d): d is ApiErrorDetail =>
      !!d &&
      typeof d === 'object' &&
      typeof (d as ApiErrorDetail).field === 'string' &&
      typeof (d as ApiErrorDetail).reason === 'string',
  );
  return valid.length > 0 ? valid : undefined;
}

/** Maps a non-2xx answer to an ApiError: the body's code when it is a known one, else INTERNAL_ERROR. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const parsed = readBody(body);
  const code: ErrorCode = parsed && isErrorCode(parsed.code) ? parsed.code : 'INTERNAL_ERROR';
  return new ApiError(code, status, readDetails(parsed?.details));
}

/** No answer at all: offline, DNS, refused, timed out, aborted. */
export function networkError(): ApiError {
  return new ApiError('NETWORK_ERROR', 0);
}

/** Anything thrown while loading data, as an ApiError (unexpected exceptions become INTERNAL_ERROR). */
export function toApiError(error: unknown): ApiError {
  return isApiError(error) ? error : new ApiError('INTERNAL_ERROR', 0);
}
