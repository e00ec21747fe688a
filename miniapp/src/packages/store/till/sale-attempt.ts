import type { TillPurchaseRequest } from '@tidepool/shared';
import { toApiError, type ApiError } from '@/services/api-error';

/**
 * One sale at the till and the id the server de-duplicates it by. The id is made once per sale attempt and sent
 * again on every retry of that attempt, so a confirm whose answer was lost (timeout, dropped network) can be
 * repeated without awarding points twice; a different sale (other amount, coupons or member) gets a new id.
 */

/** What a sale is: the member's scan, the till total, the coupons applied and how the shopper paid. */
export type TillSaleInput = Pick<
  TillPurchaseRequest,
  'scanId' | 'amountFen' | 'couponIds' | 'expectedPayableFen' | 'paymentMethod'
>;

export interface SaleAttempt {
  clientId: string;
  /** Identifies the sale's contents (see `saleKey`). */
  key: string;
  request: TillPurchaseRequest;
}

/** The server's rule for a client id. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Coupon ids in one order, without repeats: the server compares a retry's coupons exactly. */
export function canonicalCouponIds(ids: readonly number[] | undefined): number[] {
  return [...new Set(ids ?? [])].sort((a, b) => a - b);
}

/** Two inputs with the same key are the same sale. */
export function saleKey(input: TillSaleInput): string {
  return `${input.scanId}:${input.amountFen}:${canonicalCouponIds(input.couponIds).join(',')}:${input.paymentMethod ?? ''}`;
}

let sequence = 0;

/** "till-<time>-<random>-<seq>": unique per till in practice, well inside the server's 8–64 [A-Za-z0-9_-]. */
export function newClientId(random: () => number = Math.random, now: number = Date.now()): string {
  sequence = (sequence + 1) % 1296;
  let noise = '';
  while (noise.length < 10) noise += Math.floor(random() * 36).toString(36);
  return `till-${now.toString(36)}-${noise}-${sequence.toString(36)}`;
}

/** The pending attempt when `input` is the same sale, else a new attempt with a new id. */
export function attemptFor(
  current: SaleAttempt | null,
  input: TillSaleInput,
  makeId: () => string = newClientId,
): SaleAttempt {
  const key = saleKey(input);
  if (current && current.key === key) return current;
  const couponIds = canonicalCouponIds(input.couponIds);
  const clientId = makeId();
  return {
    clientId,
    key,
    request: {
      scanId: input.scanId,
      amountFen: input.amountFen,
      ...(couponIds.length > 0 ? { couponIds } : {}),
      ...(input.expectedPayableFen !== undefined ? { expectedPayableFen: input.expectedPayableFen } : {}),
      ...(input.paymentMethod !== undefined ? { paymentMethod: input.paymentMethod } : {}),
      clientId,
    },
  };
}

/**
 * After a failed confirm: did the sale perhaps happen? No answer (network, timeout) or a server failure (5xx) may
 * have recorded it, so the same attempt must be retried ('uncertain'); any other answer refused it and recorded
 * nothing ('rejected').
 */
export function failureKind(error: ApiError): 'uncertain' | 'rejected' {
  return error.status === 0 || error.status >= 500 ? 'uncertain' : 'rejected';
}

/** The till's sale state between confirms. */
export interface SaleState {
  /** The attempt a retry must resend (kept after an uncertain failure), or null. */
  pending: SaleAttempt | null;
  /** The last confirm failed without an answer: inputs stay locked until it is retried or abandoned. */
  uncertain: boolean;
}

export const NO_SALE: SaleState = { pending: null, uncertain: false };

export type ConfirmResult<T> =
  | { ok: true; value: T; state: SaleState }
  | { ok: false; error: ApiError; kind: 'uncertain' | 'rejected'; state: SaleState };

/**
 * Confirms a sale. While an earlier confirm is uncertain, that attempt is sent again exactly as it was (whatever
 * the inputs say now); otherwise the attempt for `input` (same sale → same id). Success or a refusal ends the
 * attempt; an uncertain failure keeps it for the retry.
 */
export async function confirmSale<T>(
  state: SaleState,
  input: TillSaleInput,
  send: (request: TillPurchaseRequest) => Promise<T>,
  makeId: () => string = newClientId,
): Promise<ConfirmResult<T>> {
  const attempt = state.uncertain && state.pending ? state.pending : attemptFor(state.pending, input, makeId);
  try {
    const value = await send(attempt.request);
    return { ok: true, value, state: NO_SALE };
  } catch (err) {
    const error = toApiError(err);
    const kind = failureKind(error);
    return {
      ok: false,
      error,
      kind,
      state: kind === 'uncertain' ? { pending: attempt, uncertain: true } : NO_SALE,
    };
  }
}
