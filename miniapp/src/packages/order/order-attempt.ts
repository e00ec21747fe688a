import type { CreateOrderRequest } from '@tidepool/shared';
import { toApiError, type ApiError } from '@/services/api-error';

/**
 * One press of 提交订单 and the id the server de-duplicates it by. The id is made once per checkout attempt and sent
 * again, with the very same request, on every retry of that attempt: a submit whose answer was lost (timeout,
 * dropped network, 5xx) is repeated without making a second order or reserving the stock twice. A definite answer
 * ends the attempt (an order, or a refusal such as PRICE_CHANGED that made nothing); the next submit gets a new id.
 */

/** What the member is ordering: everything but the id. */
export type OrderDraft = Omit<CreateOrderRequest, 'clientOrderId'>;

export interface OrderAttempt {
  clientOrderId: string;
  request: CreateOrderRequest;
}

/** The server's rule for a client order id. */
export const CLIENT_ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

let sequence = 0;

/** "ord-<time>-<random>-<seq>": unique per phone in practice, inside the server's 8–64 [A-Za-z0-9_-]. */
export function newClientOrderId(random: () => number = Math.random, now: number = Date.now()): string {
  sequence = (sequence + 1) % 1296;
  let noise = '';
  while (noise.length < 12) noise += Math.floor(random() * 36).toString(36);
  return `ord-${now.toString(36)}-${noise}-${sequence.toString(36)}`;
}

/**
 * After a failed submit: was the order perhaps made? No answer (status 0) or a server failure (5xx) may have made
 * it, so the same attempt must be retried ('uncertain'); any other answer refused it and made nothing ('rejected').
 */
export function failureKind(error: ApiError): 'uncertain' | 'rejected' {
  return error.status === 0 || error.status >= 500 ? 'uncertain' : 'rejected';
}

/** The checkout page's submit state between presses. */
export interface SubmitState {
  /** The attempt whose answer never came: a retry resends exactly this. */
  pending: OrderAttempt | null;
}

export const NO_ATTEMPT: SubmitState = { pending: null };

export type SubmitResult<T> =
  | { ok: true; value: T; state: SubmitState }
  | { ok: false; error: ApiError; kind: 'uncertain' | 'rejected'; state: SubmitState };

/**
 * Submits the order. While an earlier submit is unanswered, that attempt is sent again exactly as it was (whatever
 * the form says now: the page locks it meanwhile); otherwise a new attempt for `draft` with a new id.
 */
export async function submitOrder<T>(
  state: SubmitState,
  draft: OrderDraft,
  send: (request: CreateOrderRequest) => Promise<T>,
  makeId: () => string = newClientOrderId,
): Promise<SubmitResult<T>> {
  const attempt = state.pending ?? newAttempt(draft, makeId());
  try {
    const value = await send(attempt.request);
    return { ok: true, value, state: NO_ATTEMPT };
  } catch (err) {
    const error = toApiError(err);
    const kind = failureKind(error);
    return { ok: false, error, kind, state: kind === 'uncertain' ? { pending: attempt } : NO_ATTEMPT };
  }
}

function newAttempt(draft: OrderDraft, clientOrderId: string): OrderAttempt {
  const request: CreateOrderRequest = {
    clientOrderId,
    lines: draft.lines.map(({ skuId, quantity }) => ({ skuId, quantity })),
    couponIds: [...new Set(draft.couponIds)].sort((a, b) => a - b),
    expectedPayableFen: draft.expectedPayableFen,
    fulfilment: draft.fulfilment,
  };
  if (draft.fulfilment === 'SHIP' && draft.address) request.address = { ...draft.address };
  if (draft.fulfilment === 'PICKUP' && draft.pickupStoreId !== undefined) request.pickupStoreId = draft.pickupStoreId;
  const remark = draft.remark?.trim();
  if (remark) request.remark = remark;
  return { clientOrderId, request };
}

/** A dialog the checkout shows in view (never only a line below the fold). */
export interface FailureDialog {
  title: string;
  content: string;
  confirmText: string;
  /** Null: a single 知道了 button. */
  cancelText: string | null;
  /** Confirming resubmits the same attempt (the order may already exist; the server will not make it twice). */
  retry: boolean;
}

export const UNCERTAIN_HINT = '网络异常，订单可能已提交，请重试（不会重复下单）';

/** What the shopper is told when 提交订单 fails: a dialog for every failure that needs their attention. */
export function submitFailureDialog(error: ApiError, kind: 'uncertain' | 'rejected'): FailureDialog {
  if (kind === 'uncertain') {
    return {
      title: error.status === 0 ? '网络不给力' : '提交未完成',
      content: error.status === 0 ? UNCERTAIN_HINT : `${error.message}，请重试（不会重复下单）`,
      confirmText: '重新提交',
      cancelText: '稍后再说',
      retry: true,
    };
  }
  return { title: '提交失败', content: error.message, confirmText: '知道了', cancelText: null, retry: false };
}
