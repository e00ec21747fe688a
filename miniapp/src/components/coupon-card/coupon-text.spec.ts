import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouponView } from '@tidepool/shared';
import { couponEnd, couponFace, couponTerms, couponValidity } from './coupon-text';

// A phone in New York still reads the store's (Shanghai) dates.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = originalTz;
});

const birthday: CouponView = {
  id: 1,
  name: '生日专享8元无门槛券',
  label: '生日专享8元无门槛券',
  kind: 'AMOUNT_OFF',
  amountOffFen: 800,
  payRateBp: null,
  maxDiscountFen: null,
  thresholdFen: 0,
  scope: { kind: 'ALL' },
  stacking: 'STACKABLE',
  status: 'AVAILABLE',
  validFrom: '2026-11-24T16:00:00.000Z', // 11-25 00:00 Shanghai
  validUntil: '2026-12-01T16:00:00.000Z', // 12-02 00:00 Shanghai (exclusive)
  usedAt: null,
};

describe('coupon text', () => {
  it('shows the face value', () => {
    expect(couponFace(birthday)).toBe('¥8');
    expect(couponFace({ kind: 'AMOUNT_OFF', amountOffFen: 2050, payRateBp: null })).toBe('¥20.5');
    expect(couponFace({ kind: 'PERCENT', amountOffFen: null, payRateBp: 8800 })).toBe('88折');
  });

  it('states threshold, scope and stacking', () => {
    expect(couponTerms(birthday)).toBe('无门槛 · 全场通用 · 可叠加');
    expect(
      couponTerms({ thresholdFen: 9900, scope: { kind: 'CATEGORIES', categoryIds: [1] }, stacking: 'EXCLUSIVE' }),
    ).toBe('满¥99.00可用 · 指定商品可用');
  });

  it('names the last valid day for an end at midnight (validUntil is exclusive), else the time', () => {
    expect(couponEnd(birthday.validUntil)).toBe('2026-12-01');
    expect(couponEnd('2026-12-25T02:00:00.000Z')).toBe('2026-12-25 10:00');
    expect(couponEnd('nope')).toBe('');
  });

  it('says when it can be used (a range, whatever the device clock says), was used or expired', () => {
    // One format for every range (issue 12, defect 11): full dates, with times when an end is not a whole day.
    expect(couponValidity(birthday)).toBe('有效期 2026-11-25 至 2026-12-01');
    expect(couponValidity({ ...birthday, validUntil: '2026-12-25T02:00:00.000Z' })).toBe(
      '有效期 2026-11-25 00:00 至 2026-12-25 10:00',
    );
    expect(
      couponValidity({ ...birthday, validFrom: '2026-12-02T02:01:00.000Z', validUntil: '2027-01-01T02:01:00.000Z' }),
    ).toBe('有效期 2026-12-02 10:01 至 2027-01-01 10:01');
    expect(couponValidity({ ...birthday, status: 'USED', usedAt: '2026-11-25T03:00:00Z' })).toBe('2026-11-25 已使用');
    expect(couponValidity({ ...birthday, status: 'EXPIRED' })).toBe('2026-12-01 已过期');
  });
});
