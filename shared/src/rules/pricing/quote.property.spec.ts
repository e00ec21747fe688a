import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen } from '../../money/fen';
import { TIER_CODES } from '../loyalty/tiers';
import { bestCouponChoice } from './best-coupon';
import { isCouponApplicable } from './coupons';
import { quote } from './quote';
import type { Coupon, CouponScope, ItemPromotion, MemberContext, QuoteLine, QuoteResult } from './types';

const TAGS = ['z', 'y', 'food'];
const GIFT_SKU = 6;
const amount = (max: number) => fc.integer({ min: 0, max }).map(fen);

const lineArb: fc.Arbitrary<QuoteLine> = fc.record({
  skuId: fc.integer({ min: 1, max: GIFT_SKU }),
  productId: fc.integer({ min: 1, max: 5 }),
  categoryId: fc.integer({ min: 1, max: 3 }),
  unitPriceFen: fc.oneof(amount(20_000), amount(99)),
  quantity: fc.integer({ min: 1, max: 5 }),
  promotionTags: fc.subarray(TAGS),
});
const memberArb: fc.Arbitrary<MemberContext | null> = fc.option(
  fc.record({ tier: fc.constantFrom(...TIER_CODES), localWeekday: fc.constantFrom(3, 3, 0, 2) }),
);
const promotionsArb: fc.Arbitrary<ItemPromotion[]> = fc
  .tuple(
    fc.option(fc.record({ groupSize: fc.integer({ min: 1, max: 4 }), payRateBp: fc.integer({ min: 0, max: 10_000 }) })),
    fc.option(
      fc.record({ groupSize: fc.integer({ min: 1, max: 3 }), payRateBp: fc.integer({ min: 5000, max: 10_000 }) }),
    ),
    fc.option(
      fc.record({
        addOnPriceFen: amount(2000),
        thresholdFen: amount(20_000),
        maxQuantity: fc.integer({ min: 1, max: 3 }),
        qualifyingTag: fc.option(fc.constantFrom(...TAGS), { nil: undefined }),
      }),
    ),
  )
  .map(([z, y, addOn]) => [
    ...(z ? [{ kind: 'MULTI_BUY', id: 'z', version: 'v', tag: 'z', ...z } as const] : []),
    ...(y ? [{ kind: 'MULTI_BUY', id: 'y', version: 'v', tag: 'y', ...y } as const] : []),
    ...(addOn ? [{ kind: 'ADD_ON', id: 'gift', version: 'v', giftSkuId: GIFT_SKU, ...addOn } as const] : []),
  ]);
const scopeArb: fc.Arbitrary<CouponScope> = fc.oneof(
  fc.constant({ kind: 'ALL' } as const),
  fc.record({ kind: fc.constant('CATEGORIES' as const), categoryIds: fc.subarray([1, 2, 3], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('PRODUCTS' as const), productIds: fc.subarray([1, 2, 3, 4, 5], { minLength: 1 }) }),
);
const couponArb = (id: number): fc.Arbitrary<Coupon> =>
  fc
    .record({
      thresholdFen: fc.oneof(fc.constant(fen(0)), amount(30_000)),
      scope: scopeArb,
      stacking: fc.constantFrom('STACKABLE' as const, 'STACKABLE' as const, 'EXCLUSIVE' as const),
      benefit: fc.oneof(
        fc.record({
          kind: fc.constant('AMOUNT_OFF' as const),
          amountOffFen: fc.integer({ min: 1, max: 20_000 }).map(fen),
        }),
        fc.record({
          kind: fc.constant('PERCENT' as const),
          payRateBp: fc.integer({ min: 0, max: 10_000 }),
          maxDiscountFen: fc.option(amount(5000)),
        }),
      ),
    })
    .map(({ benefit, ...rest }) => ({ id, version: 'v', validFrom: null, validUntil: null, ...rest, ...benefit }));
const walletArb = fc
  .integer({ min: 0, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => couponArb(i + 1))));
const caseArb = fc.record({
  lines: fc.array(lineArb, { maxLength: 6 }),
  member: memberArb,
  promotions: promotionsArb,
  wallet: walletArb,
});

const NOW = new Date('2026-11-25T00:00:00Z');
type Case = { lines: QuoteLine[]; member: MemberContext | null; promotions: ItemPromotion[]; wallet: Coupon[] };
const usable = (c: Case) =>
  c.wallet.filter((coupon) => isCouponApplicable(coupon, c.lines, NOW, c.promotions).applicable);
const price = (c: Case, coupons: Coupon[]) =>
  quote({ lines: c.lines, member: c.member, promotions: c.promotions, coupons });
/** Every selection `quote` accepts: nothing, each exclusive coupon alone, every set of stackable ones. */
function validChoices(coupons: Coupon[]): Coupon[][] {
  const stackable = coupons.filter((coupon) => coupon.stacking === 'STACKABLE');
  const subsets = stackable.reduce<Coupon[][]>((acc, coupon) => [...acc, ...acc.map((s) => [...s, coupon])], [[]]);
  return [...subsets, ...coupons.filter((coupon) => coupon.stacking === 'EXCLUSIVE').map((coupon) => [coupon])];
}
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

function expectConsistent(q: QuoteResult): void {
  expect(q.payableFen).toBeGreaterThanOrEqual(0);
  expect(q.totalDiscountFen).toBeLessThanOrEqual(q.subtotalFen);
  expect(q.subtotalFen - q.totalDiscountFen).toBe(q.payableFen);
  expect(sum(q.lines.map((l) => l.paidFen))).toBe(q.payableFen);
  for (const l of q.lines) {
    expect(l.paidFen).toBeGreaterThanOrEqual(0);
    expect(l.originalFen - l.itemDiscountFen - l.orderDiscountFen).toBe(l.paidFen);
    expect(sum(l.itemDiscounts.map((s) => s.amountFen))).toBe(l.itemDiscountFen);
    expect(sum(l.orderDiscounts.map((s) => s.amountFen))).toBe(l.orderDiscountFen);
    for (const s of [...l.itemDiscounts, ...l.orderDiscounts]) expect(s.amountFen).toBeGreaterThan(0);
  }
  for (const d of q.discounts) {
    const shares = q.lines.flatMap((l) => [...l.itemDiscounts, ...l.orderDiscounts]).filter((s) => s.key === d.key);
    expect(sum(shares.map((s) => s.amountFen))).toBe(d.amountFen);
  }
  expect(sum(q.discounts.map((d) => d.amountFen))).toBe(q.totalDiscountFen);
}

describe('quote properties', () => {
  it('every valid selection gives a consistent breakdown: shares sum to each discount, paid sums to payable, nothing negative', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        for (const coupons of validChoices(usable(c))) expectConsistent(price(c, coupons));
      }),
      { numRuns: 400 },
    );
  });

  it('adding a usable stackable coupon never raises the payable', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const stackable = usable(c).filter((coupon) => coupon.stacking === 'STACKABLE');
        for (const subset of validChoices(stackable)) {
          const before = price(c, subset).payableFen;
          for (const extra of stackable.filter((coupon) => !subset.includes(coupon))) {
            expect(price(c, [...subset, extra]).payableFen).toBeLessThanOrEqual(before);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the best choice is no dearer than any valid selection, and is one of them', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const best = bestCouponChoice(c.lines, { member: c.member, promotions: c.promotions, now: NOW }, c.wallet);
        const payables = validChoices(usable(c)).map((coupons) => price(c, coupons).payableFen);
        expect(best.quote.payableFen).toBe(Math.min(...payables));
        expect(best.quote).toEqual(price(c, best.coupons));
        expect(best.coupons.length + best.unusable.length).toBeLessThanOrEqual(c.wallet.length);
      }),
      { numRuns: 300 },
    );
  });

  it('the member day never raises the payable, and the order of selected coupons does not matter', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const stackable = usable(c).filter((coupon) => coupon.stacking === 'STACKABLE');
        const asMember = price(c, stackable);
        expect(asMember.payableFen).toBeLessThanOrEqual(price({ ...c, member: null }, stackable).payableFen);
        expect(price(c, [...stackable].reverse())).toEqual(asMember);
      }),
      { numRuns: 300 },
    );
  });
});
