import { describe, expect, it } from 'vitest';
import { fen } from '../../money/fen';
import { couponDiscountFen, isCouponApplicable } from './coupons';
import { couponLabel, yuanText, zheText } from './labels';
import type { Coupon, MultiBuyPromotion, QuoteLine } from './types';

const lines: QuoteLine[] = [
  { skuId: 1, productId: 10, categoryId: 100, unitPriceFen: fen(6000), quantity: 1, promotionTags: ['z'] },
  { skuId: 2, productId: 20, categoryId: 200, unitPriceFen: fen(4000), quantity: 1, promotionTags: ['z'] },
];
const coupon = (extra: Partial<Coupon> = {}): Coupon =>
  ({
    id: 1,
    version: 'tpl/1',
    kind: 'AMOUNT_OFF',
    amountOffFen: fen(2000),
    thresholdFen: fen(9900),
    scope: { kind: 'ALL' },
    stacking: 'STACKABLE',
    validFrom: '2026-11-01T00:00:00Z',
    validUntil: '2026-12-01T00:00:00Z',
    ...extra,
  }) as Coupon;
const now = new Date('2026-11-25T04:00:00Z');

describe('isCouponApplicable', () => {
  it('accepts a coupon in its window, scope and threshold, with what it is worth', () => {
    expect(isCouponApplicable(coupon(), lines, now)).toEqual({
      applicable: true,
      eligibleFen: 10000,
      discountFen: 2000,
    });
  });

  it.each([
    ['before its window', coupon(), new Date('2026-10-31T23:59:59Z'), 'COUPON_NOT_STARTED'],
    ['at the end of its window (exclusive)', coupon(), new Date('2026-12-01T00:00:00Z'), 'COUPON_EXPIRED'],
    ['for other products', coupon({ scope: { kind: 'PRODUCTS', productIds: [30] } }), now, 'COUPON_NOT_APPLICABLE'],
    [
      'for another category',
      coupon({ scope: { kind: 'CATEGORIES', categoryIds: [300] } }),
      now,
      'COUPON_NOT_APPLICABLE',
    ],
  ])('refuses a coupon %s', (_name, c, at, reason) => {
    expect(isCouponApplicable(c, lines, at)).toEqual({ applicable: false, reason, shortfallFen: null });
  });

  it('reports how much is missing for a threshold, measured on the scoped lines', () => {
    const scoped = coupon({ scope: { kind: 'CATEGORIES', categoryIds: [100] } });
    expect(isCouponApplicable(scoped, lines, now)).toEqual({
      applicable: false,
      reason: 'COUPON_THRESHOLD_NOT_MET',
      shortfallFen: 3900,
    });
  });

  it('measures the threshold after the item promotions it is given', () => {
    const zone: MultiBuyPromotion = {
      kind: 'MULTI_BUY',
      id: 'z',
      version: 'v',
      tag: 'z',
      groupSize: 2,
      payRateBp: 7900,
    };
    expect(isCouponApplicable(coupon(), lines, now, [zone])).toMatchObject({ reason: 'COUPON_THRESHOLD_NOT_MET' });
  });

  it('accepts open-ended windows', () => {
    const open = coupon({ validFrom: null, validUntil: null });
    expect(isCouponApplicable(open, lines, new Date('2099-01-01T00:00:00Z')).applicable).toBe(true);
  });
});

describe('couponDiscountFen', () => {
  const pct = coupon({ kind: 'PERCENT', payRateBp: 8800, maxDiscountFen: fen(1000) });
  it('takes a fixed amount, never more than what is left', () => {
    expect(couponDiscountFen(coupon(), fen(5000))).toBe(2000);
    expect(couponDiscountFen(coupon(), fen(1500))).toBe(1500);
  });
  it('takes a percentage rounded down to the fen, up to its cap', () => {
    expect(couponDiscountFen(pct, fen(5000))).toBe(600);
    expect(couponDiscountFen(pct, fen(5008))).toBe(600);
    expect(couponDiscountFen(pct, fen(20000))).toBe(1000);
  });
});

describe('labels', () => {
  it.each([
    [6800, '68'],
    [850, '8.5'],
    [805, '8.05'],
    [0, '0'],
    [-2000, '-20'],
  ])('yuanText(%i) = %s', (amount, text) => expect(yuanText(amount)).toBe(text));

  it.each([
    [9000, '9折'],
    [8800, '88折'],
    [7900, '79折'],
    [8850, '8.85折'],
    [5000, '5折'],
  ])('zheText(%i) = %s', (bp, text) => expect(zheText(bp)).toBe(text));

  it.each([
    ['满99减20', coupon()],
    ['无门槛减8', coupon({ thresholdFen: fen(0), amountOffFen: fen(800) })],
    ['88折', coupon({ kind: 'PERCENT', payRateBp: 8800, maxDiscountFen: null, thresholdFen: fen(0) })],
    ['满99享88折（最高减20）', coupon({ kind: 'PERCENT', payRateBp: 8800, maxDiscountFen: fen(2000) })],
    ['生日专享8元无门槛券', coupon({ name: '生日专享8元无门槛券' })],
  ])('couponLabel → %s', (label, c) => expect(couponLabel(c)).toBe(label));
});
