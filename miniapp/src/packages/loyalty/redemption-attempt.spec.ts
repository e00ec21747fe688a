import { CLIENT_REQUEST_ID_PATTERN } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/services/api-error';
import { newClientRequestId, RedemptionAttempt } from './redemption-attempt';

describe('newClientRequestId', () => {
  it('is accepted by the server and differs between calls', () => {
    const a = newClientRequestId();
    const b = newClientRequestId();
    expect(a).toMatch(CLIENT_REQUEST_ID_PATTERN);
    expect(a).not.toBe(b);
  });
});

describe('RedemptionAttempt', () => {
  let seq = 0;
  const attempt = () => new RedemptionAttempt(() => `id-${++seq}`);
  const pickup = { giftId: 3, fulfilment: 'PICKUP' as const };

  it('reuses the id when the outcome was unknown (no answer, 5xx)', () => {
    const a = attempt();
    const first = a.idFor(pickup);
    a.settle(new ApiError('NETWORK_ERROR', 0));
    expect(a.idFor(pickup)).toBe(first);
    a.settle(new ApiError('DATABASE_UNAVAILABLE', 503));
    expect(a.idFor(pickup)).toBe(first);
  });

  it('starts a new attempt after a success or a definite refusal', () => {
    const a = attempt();
    const first = a.idFor(pickup);
    a.settle();
    const second = a.idFor(pickup);
    expect(second).not.toBe(first);
    a.settle(new ApiError('POINTS_INSUFFICIENT', 409));
    expect(a.idFor(pickup)).not.toBe(second);
  });

  it('starts a new attempt when the member changes what they ask for', () => {
    const a = attempt();
    const first = a.idFor(pickup);
    a.settle(new ApiError('NETWORK_ERROR', 0));
    const address = { recipientName: '张三', phone: '13800138000', region: '上海市', detail: '南京西路1号' };
    expect(a.idFor({ giftId: 3, fulfilment: 'SHIP', address })).not.toBe(first);
  });
});
