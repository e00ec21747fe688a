import { describe, expect, it } from 'vitest';
import { fen } from '../../money/fen';
import { bestCouponChoice } from './best-coupon';
import type { Coupon, QuoteLine } from './types';

const basket = (yuanFen: number): QuoteLine[] => [
  { skuId: 1, productId: 1, categoryId: 1, unitPriceFen: fen(yuanFen), quantity: 1 },
];
function amountOff(id: number, off: number, threshold = 0, extra: Partial<Coupon> = {}): Coupon {
  return {
    id,
    version: 'tpl/1',
    kind: 'AMOUNT_OFF',
    amountOffFen: fen(off),
    thresholdFen: fen(threshold),
    scope: { kind: 'ALL' },
    stacking: 'STACKABLE',
    validFrom: null,
    validUntil: null,
    ...extra,
  } as Coupon;
}
const percent = (id: number, payRateBp: number, extra: Partial<Coupon> = {}): Coupon =>
  ({ ...amountOff(id, 1), kind: 'PERCENT', payRateBp, maxDiscountFen: null, ...extra }) as Coupon;
const ids = (coupons: Coupon[]) => coupons.map((c) => c.id);
const guest = { member: null };

describe('bestCouponChoice', () => {
  const wallet = [amountOff(1, 2000, 9900), percent(2, 8800, { stacking: 'EXCLUSIVE' }), amountOff(3, 500)];

  it('combines the stackable coupons when they beat the exclusive one', () => {
    const choice = bestCouponChoice(basket(12000), guest, wallet);
    expect(ids(choice.coupons)).toEqual([1, 3]);
    expect(choice.quote.payableFen).toBe(9500);
  });

  it('takes the exclusive coupon alone when it is better', () => {
    const choice = bestCouponChoice(basket(30000), guest, wallet);
    expect(ids(choice.coupons)).toEqual([2]);
    expect(choice.quote.payableFen).toBe(26400);
  });

  it('lists the unusable coupons with their reasons', () => {
    const expired = amountOff(4, 1000, 0, { validUntil: '2026-11-01T00:00:00Z' });
    const choice = bestCouponChoice(basket(5000), { ...guest, now: new Date('2026-11-25T00:00:00Z') }, [
      ...wallet,
      expired,
    ]);
    expect(ids(choice.coupons)).toEqual([2]);
    expect(choice.unusable).toEqual([
      { couponId: 1, reason: 'COUPON_THRESHOLD_NOT_MET', shortfallFen: 4900 },
      { couponId: 4, reason: 'COUPON_EXPIRED', shortfallFen: null },
    ]);
  });

  it('ignores validity windows when no `now` is given (the server checks them)', () => {
    const expired = amountOff(4, 1000, 0, { validUntil: '2026-11-01T00:00:00Z' });
    expect(ids(bestCouponChoice(basket(5000), guest, [expired]).coupons)).toEqual([4]);
  });

  it('does not burn coupons that add nothing', () => {
    const choice = bestCouponChoice(basket(300), guest, [amountOff(1, 500), amountOff(2, 800)]);
    expect(ids(choice.coupons)).toEqual([1]);
    expect(choice.quote.payableFen).toBe(0);
  });

  it('breaks ties by fewer coupons, then lower ids', () => {
    const twins = [percent(7, 9000, { stacking: 'EXCLUSIVE' }), percent(5, 9000, { stacking: 'EXCLUSIVE' })];
    expect(ids(bestCouponChoice(basket(10000), guest, twins).coupons)).toEqual([5]);
    // ¥10 off as one exclusive coupon or as two stackable ¥5 coupons: the single coupon wins.
    const split = [amountOff(1, 500), amountOff(2, 500), amountOff(3, 1000, 0, { stacking: 'EXCLUSIVE' })];
    expect(ids(bestCouponChoice(basket(10000), guest, split).coupons)).toEqual([3]);
  });

  it('prices with the member day and item promotions of the context', () => {
    const choice = bestCouponChoice(basket(12000), { member: { tier: 'GOLD', localWeekday: 3 } }, wallet);
    expect(choice.quote.discounts.map((d) => d.label)).toEqual(['会员日满68减10', '满99减20', '无门槛减5']);
    expect(choice.quote.payableFen).toBe(8500);
  });

  it('chooses nothing from an empty wallet', () => {
    const choice = bestCouponChoice(basket(12000), guest, []);
    expect(choice).toMatchObject({ coupons: [], unusable: [], quote: { payableFen: 12000 } });
  });
});
