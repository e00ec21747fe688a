import { CLIENT_REQUEST_ID_PATTERN } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/services/api-error';
import { newWithdrawRequestId, WithdrawAttempt } from './withdraw-attempt';

describe('WithdrawAttempt', () => {
  let seq = 0;
  const attempt = () => new WithdrawAttempt(() => `id-${++seq}`);

  it('makes ids the server accepts', () => {
    expect(newWithdrawRequestId()).toMatch(CLIENT_REQUEST_ID_PATTERN);
    expect(newWithdrawRequestId()).not.toBe(newWithdrawRequestId());
  });

  it('reuses the id after a lost answer or a 5xx, for the same amount', () => {
    const a = attempt();
    const first = a.idFor(1000);
    a.settle(new ApiError('NETWORK_ERROR', 0));
    expect(a.idFor(1000)).toBe(first);
    a.settle(new ApiError('INTERNAL_ERROR', 500));
    expect(a.idFor(1000)).toBe(first);
  });

  it('starts afresh after a success, a refusal, or another amount', () => {
    const a = attempt();
    const first = a.idFor(1000);
    a.settle();
    const second = a.idFor(1000);
    expect(second).not.toBe(first);
    a.settle(new ApiError('COMMISSION_INSUFFICIENT', 409));
    const third = a.idFor(1000);
    expect(third).not.toBe(second);
    a.settle(new ApiError('NETWORK_ERROR', 0));
    expect(a.idFor(2000)).not.toBe(third);
  });
});
