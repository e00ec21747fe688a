import { describe, expect, it } from 'vitest';
import { fen } from '../../money/fen';
import type { TierCode } from '../loyalty/tiers';
import { quote } from './quote';
import { type Coupon, type ItemPromotion, PricingError, type QuoteLine } from './types';

const WED = 3;
const TUE = 2;
let nextSku = 1;
function line(unitPriceFen: number, quantity = 1, extra: Partial<QuoteLine> = {}): QuoteLine {
  const skuId = nextSku++;
  return { skuId, productId: skuId, categoryId: 1, unitPriceFen: fen(unitPriceFen), quantity, ...extra };
}
function amountOff(id: number, amountOffFen: number, thresholdFen = 0, extra: Partial<Coupon> = {}): Coupon {
  const base = {
    id,
    version: 'tpl/1',
    scope: { kind: 'ALL' },
    stacking: 'STACKABLE',
    validFrom: null,
    validUntil: null,
  };
  return {
    ...base,
    kind: 'AMOUNT_OFF',
    amountOffFen: fen(amountOffFen),
    thresholdFen: fen(thresholdFen),
    ...extra,
  } as Coupon;
}
function percent(id: number, payRateBp: number, maxDiscountFen: number | null = null, extra: Partial<Coupon> = {}) {
  const cap = maxDiscountFen === null ? null : fen(maxDiscountFen);
  return { ...amountOff(id, 1), kind: 'PERCENT', payRateBp, maxDiscountFen: cap, ...extra } as Coupon;
}
const member = (tier: TierCode, localWeekday = WED) => ({ tier, localWeekday });
const payable = (lines: QuoteLine[], m: ReturnType<typeof member> | null, coupons: Coupon[] = []) =>
  quote({ lines, member: m, coupons }).payableFen;

describe('quote: Wednesday member day (spend ¥68, ¥10/¥8/¥6 off)', () => {
  it.each([
    ['silver', member('SILVER'), 8000, 7200],
    ['gold', member('GOLD'), 8000, 7000],
    ['normal', member('NORMAL'), 8000, 7400],
    ['gold at exactly ¥68', member('GOLD'), 6800, 5800],
    ['gold at ¥67.99', member('GOLD'), 6799, 6799],
    ['gold on a Tuesday', member('GOLD', TUE), 8000, 8000],
    ['a guest on a Wednesday', null, 8000, 8000],
  ])('%s', (_name, m, basket, expected) => {
    expect(payable([line(basket)], m)).toBe(expected);
  });

  it('labels the discount and spreads it over the lines by largest remainder', () => {
    const result = quote({ lines: [line(5990), line(3990), line(1990)], member: member('SILVER') });
    expect(result.discounts).toEqual([
      expect.objectContaining({ key: 'member-day', kind: 'MEMBER_DAY', label: '会员日满68减8', amountFen: 800 }),
    ]);
    expect(result.lines.map((l) => l.orderDiscountFen)).toEqual([400, 267, 133]);
    expect(result.lines.map((l) => l.paidFen)).toEqual([5590, 3723, 1857]);
    expect(result).toMatchObject({ subtotalFen: 11970, totalDiscountFen: 800, payableFen: 11170 });
  });

  it('measures the threshold after item promotions', () => {
    const zone: ItemPromotion = { kind: 'MULTI_BUY', id: 'z', version: 'z/1', tag: 'z', groupSize: 2, payRateBp: 7900 };
    // 2 × ¥40 = ¥80, but ¥63.20 after 79折: below ¥68.
    const result = quote({
      lines: [line(4000, 2, { promotionTags: ['z'] })],
      member: member('GOLD'),
      promotions: [zone],
    });
    expect(result.payableFen).toBe(6320);
    expect(result.discounts.map((d) => d.key)).toEqual(['promotion:z']);
  });
});

describe('quote: coupons', () => {
  it.each([
    ['¥99−20 on ¥120', [amountOff(1, 2000, 9900)], 12000, 10000],
    ['¥99−20 on exactly ¥99', [amountOff(1, 2000, 9900)], 9900, 7900],
    ['88折 on ¥50', [percent(1, 8800)], 5000, 4400],
    ['88折 on ¥12.34 rounds the discount down', [percent(1, 8800)], 1234, 1086],
    ['88折 capped at ¥20 on ¥300', [percent(1, 8800, 2000)], 30000, 28000],
    ['no-threshold ¥8 on ¥30', [amountOff(1, 800)], 3000, 2200],
    ['no-threshold ¥8 on ¥5 stops at zero', [amountOff(1, 800)], 500, 0],
    ['¥99−20 and 9折 on ¥120, each worth its own', [percent(2, 9000), amountOff(1, 2000, 9900)], 12000, 8800],
  ])('%s', (_name, coupons, basket, expected) => {
    expect(payable([line(basket)], null, coupons)).toBe(expected);
  });

  it('labels coupons in Chinese', () => {
    const coupons = [amountOff(1, 2000, 9900), amountOff(2, 800, 0, { name: '生日专享8元无门槛券' }), percent(3, 8800)];
    const result = quote({ lines: [line(20000)], member: null, coupons });
    expect(result.discounts.map((d) => [d.label, d.amountFen])).toEqual([
      ['满99减20', 2000],
      ['生日专享8元无门槛券', 800],
      ['88折', 2400],
    ]);
  });

  it('applies the member day first, then coupons, on a Wednesday', () => {
    const result = quote({ lines: [line(12000)], member: member('GOLD'), coupons: [amountOff(1, 2000, 9900)] });
    expect(result.discounts.map((d) => d.label)).toEqual(['会员日满68减10', '满99减20']);
    expect(result.payableFen).toBe(9000);
  });

  it('a coupon threshold ignores the member-day discount (¥100 − ¥10 still meets ¥99)', () => {
    expect(payable([line(10000)], member('GOLD'), [amountOff(1, 2000, 9900)])).toBe(7000);
  });

  it('limits a scoped coupon to its lines, threshold and shares included', () => {
    const lines = [
      line(6000, 1, { categoryId: 7 }),
      line(5000, 1, { categoryId: 8 }),
      line(4000, 1, { categoryId: 7 }),
    ];
    const coupon = amountOff(1, 2000, 9900, { scope: { kind: 'CATEGORIES', categoryIds: [7] } });
    const result = quote({ lines, member: null, coupons: [coupon] });
    expect(result.lines.map((l) => l.orderDiscountFen)).toEqual([1200, 0, 800]);
    expect(result.lines[0].orderDiscounts).toEqual([{ key: 'coupon:1', amountFen: 1200 }]);
    expect(result.lines[1].orderDiscounts).toEqual([]);
    expect(result.payableFen).toBe(13000);
  });

  it('rejects a coupon that is not applicable, with the reason code', () => {
    const byProduct = amountOff(1, 500, 0, { scope: { kind: 'PRODUCTS', productIds: [999] } });
    const cases: [Coupon, string][] = [
      [byProduct, 'COUPON_NOT_APPLICABLE'],
      [amountOff(2, 2000, 9900), 'COUPON_THRESHOLD_NOT_MET'],
    ];
    for (const [coupon, code] of cases) {
      expect(() => quote({ lines: [line(9899)], member: null, coupons: [coupon] })).toThrow(
        expect.objectContaining({ code, couponId: coupon.id }),
      );
    }
  });

  it('uses an exclusive coupon alone only', () => {
    const exclusive = amountOff(1, 2000, 9900, { stacking: 'EXCLUSIVE' });
    expect(payable([line(12000)], null, [exclusive])).toBe(10000);
    expect(() => quote({ lines: [line(12000)], member: null, coupons: [exclusive, amountOff(2, 500)] })).toThrow(
      expect.objectContaining({ code: 'COUPON_NOT_STACKABLE', couponId: 1 }),
    );
  });

  it('places every discount in full when the order can absorb them all, overlapping scopes included', () => {
    const lines = [line(1000, 1, { categoryId: 7 }), line(10000, 1, { categoryId: 8 })];
    // Spread in proportion, the ¥100 coupon would leave only ¥0.01 of the ¥10 line for the category coupon.
    const coupons = [amountOff(1, 10000), amountOff(2, 1000, 0, { scope: { kind: 'CATEGORIES', categoryIds: [7] } })];
    const result = quote({ lines, member: null, coupons });
    expect(result.discounts.map((d) => d.amountFen)).toEqual([10000, 1000]);
    expect(result.lines.map((l) => l.orderDiscounts)).toEqual([
      [{ key: 'coupon:2', amountFen: 1000 }],
      [{ key: 'coupon:1', amountFen: 10000 }],
    ]);
    expect(result.payableFen).toBe(0);
  });

  it('serves earlier discounts first when the order cannot absorb them all', () => {
    const lines = [line(1000, 1, { categoryId: 7 }), line(7000, 1, { categoryId: 8 })];
    const coupons = [amountOff(1, 10000), amountOff(2, 1000, 0, { scope: { kind: 'CATEGORIES', categoryIds: [7] } })];
    const result = quote({ lines, member: member('GOLD'), coupons });
    expect(result.discounts.map((d) => [d.key, d.amountFen])).toEqual([
      ['member-day', 1000],
      ['coupon:1', 7000],
      ['coupon:2', 0],
    ]);
    expect(result).toMatchObject({ payableFen: 0, totalDiscountFen: 8000 });
  });

  it('gives the same result whatever order the coupons are selected in', () => {
    const coupons = [percent(3, 9500), amountOff(1, 2000, 9900), amountOff(2, 500), percent(4, 8800, 1000)];
    const lines = [line(6999, 2), line(1234, 3)];
    const forward = quote({ lines, member: member('SILVER'), coupons });
    const backward = quote({ lines, member: member('SILVER'), coupons: [...coupons].reverse() });
    expect(backward).toEqual(forward);
  });
});

describe('quote: breakdown and validation', () => {
  it('reports the rule versions consulted', () => {
    const promotions: ItemPromotion[] = [
      { kind: 'MULTI_BUY', id: 'zone', version: 'zone/3', tag: 'z', groupSize: 2, payRateBp: 7900 },
    ];
    const result = quote({ lines: [line(8000)], member: member('GOLD'), promotions, coupons: [amountOff(5, 100)] });
    expect(result.ruleVersions).toEqual({
      engine: 'pricing/1',
      memberDay: 'member-day/1',
      promotions: { zone: 'zone/3' },
      coupons: { '5': 'tpl/1' },
    });
    expect(quote({ lines: [line(8000)], member: null }).ruleVersions.memberDay).toBeNull();
  });

  it('quotes an empty basket as zero', () => {
    expect(quote({ lines: [], member: member('GOLD') })).toMatchObject({
      subtotalFen: 0,
      payableFen: 0,
      discounts: [],
    });
  });

  it.each([
    ['a zero quantity', { lines: [line(100, 0)], member: null }],
    ['a fractional price', { lines: [{ ...line(100), unitPriceFen: 1.5 as never }], member: null }],
    ['a weekday of 7', { lines: [line(100)], member: member('GOLD', 7) }],
    ['a coupon twice', { lines: [line(100)], member: null, coupons: [amountOff(1, 50), amountOff(1, 50)] }],
    ['a 120% rate', { lines: [line(100)], member: null, coupons: [percent(1, 12000)] }],
  ])('rejects %s', (_name, input) => {
    expect(() => quote(input)).toThrow(PricingError);
    expect(() => quote(input)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
