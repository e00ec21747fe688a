import type { CreateDropOrderRequest } from '@tidepool/shared';
import { toApiError, type ApiError } from '@/services/api-error';

/**
 * One press of 立即抢购 and the id the server de-duplicates it by (the checkout's pattern, order-attempt.ts; the
 * weapp subpackages cannot share code, so this small piece is repeated). The id is made once per attempt and sent
 * again, with the very same request, on every retry of an attempt whose answer was lost (no answer, 5xx): the
 * retry answers the order made the first time instead of taking a second unit. A definite answer ends the attempt.
 */

export type DropOrderDraft = Omit<CreateDropOrderRequest, 'clientOrderId'>;

export interface DropAttempt {
  dropId: number;
  request: CreateDropOrderRequest;
}

let sequence = 0;

/** "drp-<time>-<random>-<seq>": inside the server's 8–64 [A-Za-z0-9_-]. */
export function newDropOrderId(random: () => number = Math.random, now: number = Date.now()): string {
  sequence = (sequence + 1) % 1296;
  let noise = '';
  while (noise.length < 12) noise += Math.floor(random() * 36).toString(36);
  return `drp-${now.toString(36)}-${noise}-${sequence.toString(36)}`;
}

/** No answer (status 0) or a server failure may have made the order: retry the same attempt. */
export function isUncertain(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500;
}

export type DropSubmitResult<T> =
  | { ok: true; value: T; pending: null }
  | { ok: false; error: ApiError; uncertain: boolean; pending: DropAttempt | null };

/**
 * Sends `pending` again when an earlier submit is unanswered (whatever the form says now: the page locks it),
 * else a new attempt for the draft. Answers the attempt to keep for the retry (null once the answer is definite).
 */
export async function submitDropOrder<T>(
  pending: DropAttempt | null,
  dropId: number,
  draft: DropOrderDraft,
  send: (dropId: number, request: CreateDropOrderRequest) => Promise<T>,
  makeId: () => string = newDropOrderId,
): Promise<DropSubmitResult<T>> {
  const attempt = pending ?? newAttempt(dropId, draft, makeId());
  try {
    const value = await send(attempt.dropId, attempt.request);
    return { ok: true, value, pending: null };
  } catch (err) {
    const error = toApiError(err);
    const uncertain = isUncertain(error);
    return { ok: false, error, uncertain, pending: uncertain ? attempt : null };
  }
}

function newAttempt(dropId: number, draft: DropOrderDraft, clientOrderId: string): DropAttempt {
  const request: CreateDropOrderRequest = {
    dropItemId: draft.dropItemId,
    quantity: draft.quantity,
    clientOrderId,
    fulfilment: draft.fulfilment,
  };
  if (draft.fulfilment === 'SHIP' && draft.address) request.address = { ...draft.address };
  if (draft.fulfilment === 'PICKUP' && draft.pickupStoreId !== undefined) request.pickupStoreId = draft.pickupStoreId;
  return { dropId, request };
}
