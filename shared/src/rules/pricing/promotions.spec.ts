import { describe, expect, it } from 'vitest';
import { fen } from '../../money/fen';
import { applyItemPromotions } from './promotions';
import { quote } from './quote';
import { addOnGift, multiBuy } from './promotions.fixtures';
import type { MultiBuyPromotion, QuoteLine } from './types';

const zone = multiBuy('z79', 'z');
const mask = addOnGift();
function line(skuId: number, unitPriceFen: number, quantity = 1, tags: string[] = []): QuoteLine {
  return { skuId, productId: skuId, categoryId: 1, unitPriceFen: fen(unitPriceFen), quantity, promotionTags: tags };
}
const itemDiscounts = (lines: QuoteLine[], promotions = [zone, mask]) =>
  quote({ lines, member: null, promotions }).lines.map((l) => l.itemDiscountFen);

describe('multi-buy zone (2件79折)', () => {
  it('takes 21% off a complete pair and labels it', () => {
    const result = quote({ lines: [line(1, 5000, 2, ['z'])], member: null, promotions: [zone] });
    expect(result.payableFen).toBe(7900);
    expect(result.discounts).toEqual([expect.objectContaining({ label: '2件79折', level: 'ITEM', amountFen: 2100 })]);
  });

  it('leaves a single zone item at full price', () => {
    expect(itemDiscounts([line(1, 5000, 1, ['z'])])).toEqual([0]);
  });

  it('discounts complete groups only, the most expensive units first; leftovers pay full price', () => {
    // Units ¥60, ¥40, ¥40: the pair is ¥60 + ¥40 (¥21 off), one ¥40 unit is left over.
    const lines = [line(1, 4000, 2, ['z']), line(2, 6000, 1, ['z'])];
    expect(itemDiscounts(lines)).toEqual([840, 1260]);
    // Four units make two pairs: everything is discounted.
    expect(itemDiscounts([line(1, 4000, 3, ['z']), line(2, 6000, 1, ['z'])])).toEqual([2520, 1260]);
  });

  it('ignores lines outside the zone', () => {
    expect(itemDiscounts([line(1, 5000, 1, ['z']), line(2, 5000)])).toEqual([0, 0]);
  });

  it('rounds the zone discount down once and spreads it by largest remainder', () => {
    // (3333 + 3333) × 21% = 1399.86 → 1399, split 700 / 699.
    expect(itemDiscounts([line(1, 3333, 1, ['z']), line(2, 3333, 1, ['z'])])).toEqual([700, 699]);
  });

  it('lets a unit take part in one zone only: the first listed wins', () => {
    const other: MultiBuyPromotion = { ...zone, id: 'z50', payRateBp: 5000 };
    const result = quote({ lines: [line(1, 5000, 2, ['z'])], member: null, promotions: [other, zone] });
    expect(result.discounts.map((d) => d.label)).toEqual(['2件5折']);
    expect(result.payableFen).toBe(5000);
  });
});

describe('add-on gift (加1元换购)', () => {
  it('sells one gift unit at ¥1 once the rest of the basket reaches the threshold', () => {
    const result = quote({ lines: [line(1, 6800), line(900, 1500)], member: null, promotions: [mask] });
    expect(result.lines.map((l) => l.paidFen)).toEqual([6800, 100]);
    expect(result.discounts).toEqual([expect.objectContaining({ label: '满68加1元换购', amountFen: 1400 })]);
  });

  it('charges the gift its own price below the threshold, the gift itself not counting', () => {
    expect(itemDiscounts([line(1, 6799), line(900, 1500)])).toEqual([0, 0]);
    expect(itemDiscounts([line(900, 1500, 10)])).toEqual([0]);
  });

  it('needs a qualifying line even without a threshold', () => {
    const free = { ...mask, thresholdFen: fen(0) };
    expect(itemDiscounts([line(900, 1500)], [free])).toEqual([0]);
    expect(itemDiscounts([line(1, 1), line(900, 1500)], [free])).toEqual([0, 1400]);
  });

  it('prices at most maxQuantity gift units at the add-on price', () => {
    expect(itemDiscounts([line(1, 9900), line(900, 1500, 3)])).toEqual([0, 1400]);
    expect(itemDiscounts([line(1, 9900), line(900, 1500, 3)], [{ ...mask, maxQuantity: 2 }])).toEqual([0, 2800]);
  });

  it('measures the threshold after multi-buy discounts', () => {
    // ¥80 in the zone is ¥63.20 after 79折: below ¥68, no gift.
    expect(itemDiscounts([line(1, 4000, 2, ['z']), line(900, 1500)])).toEqual([1680, 0]);
  });

  it('counts only tagged lines when the offer has a qualifying tag', () => {
    const food = { ...mask, qualifyingTag: 'food' };
    expect(itemDiscounts([line(1, 9900), line(900, 1500)], [food])).toEqual([0, 0]);
    expect(itemDiscounts([line(1, 9900, 1, ['food']), line(900, 1500)], [food])).toEqual([0, 1400]);
  });

  it('never raises a gift that is already cheaper than the add-on price', () => {
    expect(itemDiscounts([line(1, 9900), line(900, 50)])).toEqual([0, 0]);
  });
});

describe('applyItemPromotions', () => {
  it('returns the amounts after item promotions without touching order-level rules', () => {
    const result = applyItemPromotions([line(1, 5000, 2, ['z']), line(900, 1500)], [zone, mask]);
    expect(result.afterItemsFen).toEqual([7900, 100]);
    expect(result.discounts.map((d) => d.key)).toEqual(['promotion:z79', 'promotion:mask']);
  });
});
