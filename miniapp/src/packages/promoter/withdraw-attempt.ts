import type { ApiError } from '@/services/api-error';

/** 20-30 characters of [a-z0-9-], inside the server's CLIENT_REQUEST_ID_PATTERN. */
export function newWithdrawRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  while (tail.length < 12) tail += random().toString(36).slice(2);
  return `wd-${now.toString(36)}-${tail.slice(0, 12)}`;
}

/** No answer, or the server failed: the withdrawal may exist, so a retry must reuse the id. */
export function outcomeUnknown(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500;
}

/**
 * The id of one withdrawal attempt: made on the first confirm, reused by every retry of the same amount whose
 * outcome is unknown (the server then answers with the same withdrawal and never pays twice), dropped after a
 * definite answer or when the amount changes.
 */
export class WithdrawAttempt {
  private current: { id: string; amountFen: number } | null = null;

  constructor(private readonly makeId: () => string = () => newWithdrawRequestId()) {}

  idFor(amountFen: number): string {
    if (!this.current || this.current.amountFen !== amountFen) this.current = { id: this.makeId(), amountFen };
    return this.current.id;
  }

  settle(error?: ApiError): void {
    if (!error || !outcomeUnknown(error)) this.current = null;
  }
}
