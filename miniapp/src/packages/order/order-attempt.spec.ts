import { describe, expect, it } from 'vitest';
import type { CreateOrderRequest } from '@tidepool/shared';
import { ApiError, networkError } from '@/services/api-error';
import {
  CLIENT_ORDER_ID_PATTERN,
  failureKind,
  newClientOrderId,
  NO_ATTEMPT,
  submitFailureDialog,
  submitOrder,
  type OrderDraft,
  type SubmitState,
} from './order-attempt';

const draft: OrderDraft = {
  lines: [{ skuId: 12, quantity: 1 }],
  couponIds: [3, 1, 3],
  expectedPayableFen: 7100,
  fulfilment: 'SHIP',
  address: { recipientName: '张三', phone: '13800138000', region: '上海市 静安区', detail: '南京西路1266号' },
  pickupStoreId: 2,
  remark: '  ',
};

type Fault = 'drop-request' | 'drop-answer' | 'server-error' | 'price-changed';

/** A server that makes one order per clientOrderId (answering it again on a repeat), behind a lossy network. */
function fakeServer() {
  const orders = new Map<string, { id: number; request: CreateOrderRequest }>();
  const faults: Fault[] = [];
  const sent: CreateOrderRequest[] = [];
  let reserved = 0;
  const send = async (request: CreateOrderRequest) => {
    sent.push(request);
    await Promise.resolve();
    const fault = faults.shift();
    if (fault === 'drop-request') throw networkError();
    if (fault === 'price-changed') throw new ApiError('PRICE_CHANGED', 409);
    let order = orders.get(request.clientOrderId);
    if (!order) {
      order = { id: orders.size + 1, request };
      orders.set(request.clientOrderId, order);
      reserved += request.lines.reduce((n, l) => n + l.quantity, 0);
    }
    if (fault === 'drop-answer') throw networkError();
    if (fault === 'server-error') throw new ApiError('INTERNAL_ERROR', 502);
    return { id: order.id };
  };
  return { orders, faults, sent, send, reserved: () => reserved };
}

describe('client order ids', () => {
  it('match the server rule and differ between attempts', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = newClientOrderId();
      expect(id).toMatch(CLIENT_ORDER_ID_PATTERN);
      ids.add(id);
    }
    expect(ids.size).toBe(2000);
    // A stuck random source and clock still give consecutive attempts different ids.
    expect(newClientOrderId(() => 0, 0)).not.toBe(newClientOrderId(() => 0, 0));
  });
});

describe('failureKind', () => {
  it('treats no answer and 5xx as maybe made, refusals as not made', () => {
    expect(failureKind(networkError())).toBe('uncertain');
    expect(failureKind(new ApiError('INTERNAL_ERROR', 500))).toBe('uncertain');
    expect(failureKind(new ApiError('SERVICE_UNAVAILABLE', 503))).toBe('uncertain');
    expect(failureKind(new ApiError('PRICE_CHANGED', 409))).toBe('rejected');
    expect(failureKind(new ApiError('STOCK_INSUFFICIENT', 409))).toBe('rejected');
    expect(failureKind(new ApiError('VALIDATION_FAILED', 400))).toBe('rejected');
  });
});

describe('submitOrder', () => {
  it('sends what the member chose: sorted unique coupons, only the chosen fulfilment, no blank remark', async () => {
    const server = fakeServer();
    const result = await submitOrder(NO_ATTEMPT, draft, server.send, () => 'ord-fixed-1');
    expect(result.ok).toBe(true);
    expect(server.sent[0]).toEqual({
      clientOrderId: 'ord-fixed-1',
      lines: [{ skuId: 12, quantity: 1 }],
      couponIds: [1, 3],
      expectedPayableFen: 7100,
      fulfilment: 'SHIP',
      address: draft.address,
    });
    await submitOrder(
      NO_ATTEMPT,
      { ...draft, fulfilment: 'PICKUP', remark: ' 下午来取 ' },
      server.send,
      () => 'ord-fixed-2',
    );
    expect(server.sent[1]).toEqual({
      clientOrderId: 'ord-fixed-2',
      lines: [{ skuId: 12, quantity: 1 }],
      couponIds: [1, 3],
      expectedPayableFen: 7100,
      fulfilment: 'PICKUP',
      pickupStoreId: 2,
      remark: '下午来取',
    });
  });

  it('retries a lost answer with the same id: one order, stock reserved once', async () => {
    const server = fakeServer();
    server.faults.push('drop-answer');
    const first = await submitOrder(NO_ATTEMPT, draft, server.send);
    expect(first).toMatchObject({ ok: false, kind: 'uncertain' });
    expect(first.state.pending).not.toBeNull();
    const retry = await submitOrder(first.state, draft, server.send);
    expect(retry).toMatchObject({ ok: true, value: { id: 1 }, state: NO_ATTEMPT });
    expect(server.sent[0]?.clientOrderId).toBe(server.sent[1]?.clientOrderId);
    expect(server.orders.size).toBe(1);
    expect(server.reserved()).toBe(1);
  });

  it('keeps the id through a request that never arrived and a 502', async () => {
    const server = fakeServer();
    server.faults.push('drop-request', 'server-error');
    let state: SubmitState = NO_ATTEMPT;
    for (let i = 0; i < 3; i++) {
      const result = await submitOrder(state, draft, server.send);
      state = result.state;
      if (result.ok) break;
    }
    expect(new Set(server.sent.map((r) => r.clientOrderId)).size).toBe(1);
    expect(server.sent).toHaveLength(3);
    expect(server.orders.size).toBe(1);
  });

  it('while unanswered, resends the request exactly as first sent, whatever the form says now', async () => {
    const server = fakeServer();
    server.faults.push('drop-answer');
    const first = await submitOrder(NO_ATTEMPT, draft, server.send);
    const retry = await submitOrder(first.state, { ...draft, expectedPayableFen: 1, couponIds: [] }, server.send);
    expect(retry.ok).toBe(true);
    expect(server.sent[1]).toEqual(server.sent[0]);
  });

  it('a refusal (PRICE_CHANGED) ends the attempt: the confirmed resubmit is a new attempt with a new id', async () => {
    const server = fakeServer();
    server.faults.push('price-changed');
    const refused = await submitOrder(NO_ATTEMPT, draft, server.send);
    expect(refused).toMatchObject({ ok: false, kind: 'rejected', state: NO_ATTEMPT });
    if (refused.ok) return;
    expect(refused.error.code).toBe('PRICE_CHANGED');
    const confirmed = await submitOrder(refused.state, { ...draft, expectedPayableFen: 7900 }, server.send);
    expect(confirmed.ok).toBe(true);
    expect(server.sent[1]?.clientOrderId).not.toBe(server.sent[0]?.clientOrderId);
    expect(server.sent[1]?.expectedPayableFen).toBe(7900);
    expect(server.orders.size).toBe(1);
  });

  it('after a success the next checkout is a new order', async () => {
    const server = fakeServer();
    const first = await submitOrder(NO_ATTEMPT, draft, server.send);
    const second = await submitOrder(first.state, draft, server.send);
    expect(second).toMatchObject({ ok: true, value: { id: 2 } });
    expect(server.orders.size).toBe(2);
  });
});

describe('submitFailureDialog (defect 6: failures are told in a dialog, not below the fold)', () => {
  it('a lost answer is a dialog offering to resubmit the same attempt', () => {
    expect(submitFailureDialog(networkError(), 'uncertain')).toMatchObject({
      title: '网络不给力',
      confirmText: '重新提交',
      retry: true,
    });
    expect(submitFailureDialog(new ApiError('INTERNAL_ERROR', 500), 'uncertain').content).toContain('不会重复下单');
  });

  it('a refusal is a dialog with the server’s message', () => {
    const refusal = new ApiError('ORDER_STATE_CONFLICT', 409);
    expect(submitFailureDialog(refusal, 'rejected')).toEqual({
      title: '提交失败',
      content: '订单状态已变化，请刷新后重试',
      confirmText: '知道了',
      cancelText: null,
      retry: false,
    });
  });
});
