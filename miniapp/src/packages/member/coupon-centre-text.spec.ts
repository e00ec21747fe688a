import { describe, expect, it } from 'vitest';
import { centreAction, centreNote } from './coupon-centre-text';

describe('coupon centre text', () => {
  it('offers 立即领取, then 去使用 for the coupon just claimed, 已领取 or 已抢光 otherwise', () => {
    expect(centreAction({ state: 'CLAIMABLE' }, false)).toEqual({ label: '立即领取', kind: 'claim' });
    expect(centreAction({ state: 'CLAIMED' }, true)).toEqual({ label: '去使用', kind: 'use' });
    expect(centreAction({ state: 'CLAIMABLE' }, true)).toEqual({ label: '去使用', kind: 'use' });
    expect(centreAction({ state: 'CLAIMED' }, false)).toEqual({ label: '已领取', kind: 'none' });
    expect(centreAction({ state: 'SOLD_OUT' }, false)).toEqual({ label: '已抢光', kind: 'none' });
  });

  it('says how long a claimed coupon lasts, the limit and the last few', () => {
    expect(centreNote({ validDays: 7, remaining: null, perMemberLimit: 1, state: 'CLAIMABLE', claimedByMe: 0 })).toBe(
      '领取后 7 天内有效',
    );
    expect(centreNote({ validDays: 7, remaining: 3, perMemberLimit: 2, state: 'CLAIMABLE', claimedByMe: 1 })).toBe(
      '领取后 7 天内有效 · 每人限领 2 张（已领 1 张） · 仅剩 3 张',
    );
    expect(centreNote({ validDays: 14, remaining: 874, perMemberLimit: 1, state: 'CLAIMABLE', claimedByMe: 0 })).toBe(
      '领取后 14 天内有效',
    );
    expect(centreNote({ validDays: 7, remaining: 0, perMemberLimit: 1, state: 'SOLD_OUT', claimedByMe: 0 })).toBe(
      '领取后 7 天内有效',
    );
  });
});
