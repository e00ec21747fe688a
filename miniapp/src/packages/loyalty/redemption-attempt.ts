import type { CreateRedemptionRequest } from '@tidepool/shared';
import type { ApiError } from '@/services/api-error';

/** 20-30 characters of [a-z0-9-], inside the server's CLIENT_REQUEST_ID_PATTERN. */
export function newClientRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  while (tail.length < 12) tail += random().toString(36).slice(2);
  return `gr-${now.toString(36)}-${tail.slice(0, 12)}`;
}

/** No answer, or the server failed: the redemption may or may not have happened, so a retry must reuse the id. */
export function outcomeUnknown(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500;
}

export type RedemptionChoice = Omit<CreateRedemptionRequest, 'clientRequestId'>;

/**
 * The id of one redemption attempt: made on the first tap, reused by every retry of that attempt whose outcome is
 * unknown (the server then answers with the same redemption instead of spending twice), and dropped once the
 * server gave a definite answer or the member changes what they ask for.
 */
export class RedemptionAttempt {
  private current: { id: string; fingerprint: string } | null = null;

  constructor(private readonly makeId: () => string = () => newClientRequestId()) {}

  idFor(choice: RedemptionChoice): string {
    const fingerprint = JSON.stringify([choice.giftId, choice.fulfilment, choice.address ?? null]);
    if (!this.current || this.current.fingerprint !== fingerprint) this.current = { id: this.makeId(), fingerprint };
    return this.current.id;
  }

  /** After an answer: success or a definite refusal ends the attempt; an unknown outcome keeps it for the retry. */
  settle(error?: ApiError): void {
    if (!error || !outcomeUnknown(error)) this.current = null;
  }
}
