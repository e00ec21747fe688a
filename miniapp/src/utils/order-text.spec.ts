import { describe, expect, it } from 'vitest';
import type { CheckoutCouponOption, CouponView } from '@tidepool/shared';
import {
  couponOptionNote,
  maskPhone,
  orderStateLabel,
  ORDER_TABS,
  orderListStateLabel,
  payableLabel,
  sameCoupons,
  toggleCoupon,
} from './order-text';

function option(
  id: number,
  stacking: CouponView['stacking'],
  usable = true,
  extra: Partial<CheckoutCouponOption> = {},
) {
  const coupon: CouponView = {
    id,
    name: `券${id}`,
    label: `满99减${id}`,
    kind: 'AMOUNT_OFF',
    amountOffFen: id * 100,
    payRateBp: null,
    maxDiscountFen: null,
    thresholdFen: 9900,
    scope: { kind: 'ALL' },
    stacking,
    status: 'AVAILABLE',
    validFrom: '2026-11-01T00:00:00.000Z',
    validUntil: '2026-12-01T00:00:00.000Z',
    usedAt: null,
  };
  return { coupon, usable, reason: usable ? null : 'COUPON_NOT_APPLICABLE', shortfallFen: null, ...extra };
}

describe('coupon notes in the sheet', () => {
  it('says how much is missing for a threshold coupon', () => {
    const short = option(20, 'EXCLUSIVE', false, { reason: 'COUPON_THRESHOLD_NOT_MET', shortfallFen: 1900 });
    expect(couponOptionNote(short)).toBe('还差 ¥19.00 可用');
  });

  it('names other reasons in Chinese, and nothing for a usable coupon', () => {
    expect(couponOptionNote(option(1, 'EXCLUSIVE', false))).toBe('所选商品不可用');
    expect(couponOptionNote(option(1, 'EXCLUSIVE', false, { reason: 'COUPON_NOT_STARTED' }))).toBe('尚未到使用时间');
    expect(couponOptionNote(option(1, 'EXCLUSIVE', false, { reason: 'SOMETHING_NEW' }))).toBe('当前订单不可用');
    expect(couponOptionNote(option(1, 'EXCLUSIVE'))).toBeNull();
  });
});

describe('toggleCoupon', () => {
  const a = option(1, 'STACKABLE');
  const b = option(2, 'STACKABLE');
  const x = option(3, 'EXCLUSIVE');
  const gone = option(4, 'STACKABLE', false);
  const all = [a, b, x, gone];

  it('stackable coupons combine; tapping one again drops it', () => {
    expect(toggleCoupon([], a, all)).toEqual([1]);
    expect(toggleCoupon([1], b, all)).toEqual([1, 2]);
    expect(toggleCoupon([1, 2], a, all)).toEqual([2]);
  });

  it('an exclusive coupon is used alone, and a stackable one replaces it', () => {
    expect(toggleCoupon([1, 2], x, all)).toEqual([3]);
    expect(toggleCoupon([3], a, all)).toEqual([1]);
    expect(toggleCoupon([3], x, all)).toEqual([]);
  });

  it('an unusable coupon cannot be chosen', () => {
    expect(toggleCoupon([1], gone, all)).toEqual([1]);
  });

  it('compares selections regardless of order', () => {
    expect(sameCoupons([1, 2], [2, 1])).toBe(true);
    expect(sameCoupons([1], [1, 2])).toBe(false);
  });
});

describe('order states', () => {
  it('a fulfilled pickup order was picked up, a shipped one sent', () => {
    expect(orderStateLabel('FULFILLED', 'SHIP')).toBe('已发货');
    expect(orderStateLabel('FULFILLED', 'PICKUP')).toBe('已提货');
    expect(orderStateLabel('PENDING_PAYMENT')).toBe('待付款');
  });

  it('names the amount by whether it was paid', () => {
    expect(payableLabel('PENDING_PAYMENT')).toBe('应付');
    expect(payableLabel('PAID')).toBe('实付');
    expect(payableLabel('CANCELLED')).toBe('订单金额');
  });

  it('masks the middle of an address phone', () => {
    expect(maskPhone('13900139000')).toBe('139****9000');
    expect(maskPhone('12345')).toBe('12345');
  });

  it('the list has the six tabs: 全部 without a state filter, one per stage, and 售后 opening its own page', () => {
    expect(ORDER_TABS.map((t) => t.title)).toEqual(['全部', '待付款', '待发货', '待收货', '已完成', '售后']);
    expect(ORDER_TABS.map((t) => t.state ?? null)).toEqual([
      null,
      'PENDING_PAYMENT',
      'PAID',
      'FULFILLED',
      'COMPLETED',
      null,
    ]);
    expect(ORDER_TABS[5]).toMatchObject({ key: 'AFTER_SALES', url: '/packages/order/pages/after-sales/index' });
    // Every tab either filters or navigates.
    for (const tab of ORDER_TABS.slice(1)) expect(Boolean(tab.state) !== Boolean(tab.url)).toBe(true);
  });

  it('names list rows in the tabs’ words, pickup orders by pickup', () => {
    expect(orderListStateLabel('PAID', 'SHIP')).toBe('待发货');
    expect(orderListStateLabel('PAID', 'PICKUP')).toBe('待提货');
    expect(orderListStateLabel('FULFILLED', 'SHIP')).toBe('待收货');
    expect(orderListStateLabel('COMPLETED', 'PICKUP')).toBe('已完成');
    expect(orderListStateLabel('CANCELLED', 'SHIP')).toBe('已取消');
  });
});
