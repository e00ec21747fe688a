import { describe, expect, it } from 'vitest';
import type { CreateDropOrderRequest } from '@tidepool/shared';
import { ApiError } from '@/services/api-error';
import { newDropOrderId, submitDropOrder, type DropOrderDraft } from './drop-attempt';

const draft: DropOrderDraft = { dropItemId: 7, quantity: 1, fulfilment: 'PICKUP', pickupStoreId: 1 };

function ids() {
  let n = 0;
  return () => `drp-test-${++n}`;
}

describe('newDropOrderId', () => {
  it('fits the server rule and differs per call', () => {
    const a = newDropOrderId();
    const b = newDropOrderId();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(a).not.toBe(b);
  });
});

describe('submitDropOrder', () => {
  it('retries a lost answer with the very same request, and starts afresh after a definite answer', async () => {
    const sent: CreateDropOrderRequest[] = [];
    const makeId = ids();
    const answers: (() => Promise<string>)[] = [
      () => Promise.reject(new ApiError('NETWORK_ERROR', 0)),
      () => Promise.reject(new ApiError('INTERNAL_ERROR', 502)),
      () => Promise.resolve('order-1'),
      () => Promise.resolve('order-2'),
    ];
    const send = (dropId: number, request: CreateDropOrderRequest) => {
      expect(dropId).toBe(3);
      sent.push(request);
      return answers[sent.length - 1]();
    };

    const first = await submitDropOrder(null, 3, draft, send, makeId);
    expect(first.ok).toBe(false);
    expect(first.ok === false && first.uncertain).toBe(true);
    // The member changed the quantity meanwhile: the retry still resends the first attempt.
    const second = await submitDropOrder(first.pending, 3, { ...draft, quantity: 2 }, send, makeId);
    expect(second.ok === false && second.uncertain).toBe(true);
    const third = await submitDropOrder(second.pending, 3, draft, send, makeId);
    expect(third).toEqual({ ok: true, value: 'order-1', pending: null });
    expect(sent.map((r) => r.clientOrderId)).toEqual(['drp-test-1', 'drp-test-1', 'drp-test-1']);
    expect(sent[1]).toEqual(sent[0]);
    expect(sent[0]).toEqual({
      dropItemId: 7,
      quantity: 1,
      clientOrderId: 'drp-test-1',
      fulfilment: 'PICKUP',
      pickupStoreId: 1,
    });

    await submitDropOrder(third.pending, 3, draft, send, makeId);
    expect(sent[3].clientOrderId).toBe('drp-test-2');
  });

  it('ends the attempt on a refusal (nothing was made) and sends only the chosen fulfilment', async () => {
    const sent: CreateDropOrderRequest[] = [];
    const makeId = ids();
    const address = { recipientName: '李四', phone: '13900139000', region: '上海市', detail: '1号' };
    const refused = await submitDropOrder(
      null,
      3,
      { ...draft, fulfilment: 'SHIP', address },
      (_id, request) => {
        sent.push(request);
        return Promise.reject(new ApiError('DROP_SOLD_OUT', 409));
      },
      makeId,
    );
    expect(refused.ok === false && refused.uncertain).toBe(false);
    expect(refused.pending).toBeNull();
    expect(sent[0].address).toEqual(address);
    expect(sent[0].pickupStoreId).toBeUndefined();
  });
});
