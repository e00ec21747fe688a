import { describe, expect, it } from 'vitest';
import { goldenWindowCouponDue, type GoldenWindowSale } from './golden-window';
import { DEFAULT_GROWTH_RULES as R } from './growth-rules';

const DAY = 86_400_000;
const FIRST = new Date('2026-03-02T09:30:00.000Z');
const after = (ms: number): Date => new Date(FIRST.getTime() + ms);
const sale: GoldenWindowSale = {
  firstPurchaseAt: FIRST,
  paidAt: after(3 * DAY),
  paidFen: 3500,
  paymentMethod: 'WECHAT_PAY',
};

describe('golden-window coupon', () => {
  it.each<[string, Partial<GoldenWindowSale>, boolean]>([
    ['¥35.00 by WeChat Pay inside the window', {}, true],
    ['¥34.99 by WeChat Pay', { paidFen: 3499 }, false],
    ['¥35.00 in cash', { paymentMethod: 'CASH' }, false],
    [
      '¥35.00 by WeChat Pay exactly 14 days after the first purchase (end inclusive)',
      { paidAt: after(14 * DAY) },
      true,
    ],
    ['¥35.00 by WeChat Pay 14 days and 1 ms after', { paidAt: after(14 * DAY + 1) }, false],
    ['¥35.00 by WeChat Pay 20 days after', { paidAt: after(20 * DAY) }, false],
    ['the first purchase itself', { paidAt: FIRST }, true],
    ['the first purchase itself, not yet recorded as first', { firstPurchaseAt: null, paidAt: FIRST }, true],
    ['a sale dated before the first purchase', { paidAt: after(-1) }, false],
    ['a large sale', { paidFen: 128_800 }, true],
  ])('%s → %s', (_name, change, expected) => {
    expect(goldenWindowCouponDue({ ...sale, ...change }, R)).toBe(expected);
  });

  it('follows the brand settings', () => {
    const rules = { ...R, goldenThresholdFen: 5000, goldenWindowDays: 7, goldenPaymentMethod: 'CASH' as const };
    expect(
      goldenWindowCouponDue({ ...sale, paidFen: 5000, paymentMethod: 'CASH', paidAt: after(7 * DAY) }, rules),
    ).toBe(true);
    expect(
      goldenWindowCouponDue({ ...sale, paidFen: 5000, paymentMethod: 'CASH', paidAt: after(8 * DAY) }, rules),
    ).toBe(false);
    expect(goldenWindowCouponDue({ ...sale, paidFen: 4999, paymentMethod: 'CASH' }, rules)).toBe(false);
    expect(goldenWindowCouponDue({ ...sale, paidFen: 5000 }, rules)).toBe(false);
  });
});
