import { describe, expect, it } from 'vitest';
import type { TillPurchaseRequest } from '@tidepool/shared';
import { ApiError, networkError } from '@/services/api-error';
import {
  attemptFor,
  canonicalCouponIds,
  CLIENT_ID_PATTERN,
  confirmSale,
  failureKind,
  newClientId,
  NO_SALE,
  saleKey,
  type SaleState,
} from './sale-attempt';

const sale = { scanId: 7, amountFen: 8000, couponIds: [3, 1] };

/** A server that records a sale once per clientId, behind a network that can lose the answer. */
function fakeTill() {
  const sales = new Map<string, { id: number; request: TillPurchaseRequest }>();
  let points = 0;
  const faults: ('drop-request' | 'drop-answer' | 'server-error' | 'refuse')[] = [];
  const send = async (request: TillPurchaseRequest) => {
    await Promise.resolve(); // an answer always comes back later
    const fault = faults.shift();
    if (fault === 'drop-request') throw networkError();
    if (fault === 'refuse') throw new ApiError('COUPON_THRESHOLD_NOT_MET', 409);
    let recorded = sales.get(request.clientId);
    if (!recorded) {
      recorded = { id: sales.size + 1, request };
      sales.set(request.clientId, recorded);
      points += Math.floor(request.amountFen / 100);
    }
    if (fault === 'drop-answer') throw networkError();
    if (fault === 'server-error') throw new ApiError('INTERNAL_ERROR', 500);
    return { id: recorded.id };
  };
  return { sales, send, faults, points: () => points };
}

describe('client ids', () => {
  it('are what the server accepts, and differ between sales', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = newClientId();
      expect(id).toMatch(CLIENT_ID_PATTERN);
      ids.add(id);
    }
    expect(ids.size).toBe(2000);
    // Even with a stuck random source and clock, the sequence keeps consecutive ids apart.
    expect(newClientId(() => 0, 0)).not.toBe(newClientId(() => 0, 0));
  });
});

describe('attemptFor', () => {
  it('keeps the id for the same sale (coupon order and repeats do not matter)', () => {
    let n = 0;
    const makeId = () => `client-${++n}`;
    const first = attemptFor(null, sale, makeId);
    expect(first.clientId).toBe('client-1');
    expect(first.request).toEqual({ scanId: 7, amountFen: 8000, couponIds: [1, 3], clientId: 'client-1' });
    expect(attemptFor(first, { ...sale, couponIds: [1, 3, 3] }, makeId)).toBe(first);
  });

  it('makes a new id for another amount, other coupons or another member', () => {
    let n = 0;
    const makeId = () => `client-${++n}`;
    const first = attemptFor(null, sale, makeId);
    expect(attemptFor(first, { ...sale, amountFen: 8001 }, makeId).clientId).toBe('client-2');
    expect(attemptFor(first, { ...sale, couponIds: [1] }, makeId).clientId).toBe('client-3');
    expect(attemptFor(first, { ...sale, scanId: 8 }, makeId).clientId).toBe('client-4');
  });

  it('sends the payment method with the sale, and another method is another sale', () => {
    let n = 0;
    const makeId = () => `client-${++n}`;
    const wechat = attemptFor(null, { ...sale, paymentMethod: 'WECHAT_PAY' }, makeId);
    expect(wechat.request).toMatchObject({ paymentMethod: 'WECHAT_PAY', clientId: 'client-1' });
    expect(attemptFor(wechat, { ...sale, paymentMethod: 'WECHAT_PAY' }, makeId)).toBe(wechat);
    expect(attemptFor(wechat, { ...sale, paymentMethod: 'CASH' }, makeId).clientId).toBe('client-2');
  });

  it('leaves couponIds out when none are applied', () => {
    expect(attemptFor(null, { scanId: 1, amountFen: 100 }, () => 'abcdefgh').request).toEqual({
      scanId: 1,
      amountFen: 100,
      clientId: 'abcdefgh',
    });
    expect(saleKey({ scanId: 1, amountFen: 100 })).toBe(saleKey({ scanId: 1, amountFen: 100, couponIds: [] }));
    expect(canonicalCouponIds([5, 2, 5])).toEqual([2, 5]);
  });
});

describe('failureKind', () => {
  it('treats no answer and server failures as maybe recorded, refusals as not', () => {
    expect(failureKind(networkError())).toBe('uncertain');
    expect(failureKind(new ApiError('INTERNAL_ERROR', 500))).toBe('uncertain');
    expect(failureKind(new ApiError('SERVICE_UNAVAILABLE', 503))).toBe('uncertain');
    expect(failureKind(new ApiError('COUPON_NOT_STACKABLE', 409))).toBe('rejected');
    expect(failureKind(new ApiError('SCAN_EXPIRED', 410))).toBe('rejected');
    expect(failureKind(new ApiError('VALIDATION_FAILED', 400))).toBe('rejected');
  });
});

describe('confirmSale', () => {
  it('retries a lost answer with the same id: one sale, points once', async () => {
    const till = fakeTill();
    till.faults.push('drop-answer');
    const first = await confirmSale(NO_SALE, sale, till.send);
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.kind).toBe('uncertain');
    expect(first.error.code).toBe('NETWORK_ERROR');
    expect(first.state.uncertain).toBe(true);
    const retry = await confirmSale(first.state, sale, till.send);
    expect(retry).toMatchObject({ ok: true, value: { id: 1 }, state: NO_SALE });
    expect(till.sales.size).toBe(1);
    expect(till.points()).toBe(80);
  });

  it('retries a request that never arrived, and a 500, with the same id', async () => {
    const till = fakeTill();
    till.faults.push('drop-request', 'server-error');
    let state: SaleState = NO_SALE;
    const ids: string[] = [];
    const send = (request: TillPurchaseRequest) => {
      ids.push(request.clientId);
      return till.send(request);
    };
    for (let i = 0; i < 3; i++) {
      const result = await confirmSale(state, sale, send);
      state = result.state;
      if (result.ok) break;
    }
    expect(new Set(ids).size).toBe(1);
    expect(till.sales.size).toBe(1);
    expect(till.points()).toBe(80);
  });

  it('while uncertain, resends the pending sale even if the inputs changed meanwhile', async () => {
    const till = fakeTill();
    till.faults.push('drop-answer');
    const first = await confirmSale(NO_SALE, sale, till.send);
    const retry = await confirmSale(first.state, { ...sale, amountFen: 9999 }, till.send);
    expect(retry.ok).toBe(true);
    expect(till.sales.size).toBe(1);
    expect([...till.sales.values()][0]?.request.amountFen).toBe(8000);
  });

  it('a refusal ends the attempt; the next sale, and the one after a success, get new ids', async () => {
    const till = fakeTill();
    till.faults.push('refuse');
    const refused = await confirmSale(NO_SALE, sale, till.send);
    expect(refused).toMatchObject({ ok: false, kind: 'rejected', state: NO_SALE });
    const done = await confirmSale(refused.state, sale, till.send);
    expect(done.ok).toBe(true);
    const next = await confirmSale(done.state, sale, till.send);
    expect(next.ok).toBe(true);
    // Same contents, but a new sale after the first one completed: recorded again.
    expect(till.sales.size).toBe(2);
    expect(till.points()).toBe(160);
  });
});
