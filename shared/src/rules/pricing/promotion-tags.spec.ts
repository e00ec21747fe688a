import { describe, expect, it } from 'vitest';
import type { PromotionsView } from '../../contracts/storefront.contract';
import { fen } from '../../money/fen';
import { DEFAULT_MEMBER_DAY_RULE } from '../loyalty/member-day';
import { DEFAULT_TIER_TABLE } from '../loyalty/tiers';
import { cardPromotionTags, itemPromotionTags, memberDayTag, productPromotionTags } from './promotion-tags';
import { quote } from './quote';
import { addOnGift, multiBuy } from './promotions.fixtures';

const zone = multiBuy('zone-2for79', 'zone-2for79', 'zone-2for79/1');
const addOn = addOnGift({ qualifyingTag: 'beauty' });

const view = (today: boolean): PromotionsView => ({
  itemPromotions: [addOn, zone],
  memberDay: {
    weekday: DEFAULT_MEMBER_DAY_RULE.weekday,
    thresholdFen: DEFAULT_MEMBER_DAY_RULE.thresholdFen,
    today,
    tiers: DEFAULT_TIER_TABLE.map((t) => ({ code: t.code, name: t.name, discountFen: t.memberDayDiscountFen })),
  },
});

describe('item promotion tags', () => {
  it('tags a product in the zone with the label checkout writes on the discount', () => {
    const tags = itemPromotionTags(['zone-2for79'], [zone]);
    expect(tags.map((t) => t.label)).toEqual(['2件79折']);
    const priced = quote({
      lines: [
        { skuId: 1, productId: 1, categoryId: 1, unitPriceFen: fen(1990), quantity: 2, promotionTags: ['zone-2for79'] },
      ],
      member: null,
      promotions: [zone],
    });
    expect(priced.discounts.map((d) => d.label)).toEqual([tags[0]?.label]);
    expect(tags[0]?.key).toBe(priced.discounts[0]?.key);
  });

  it('follows the rule: a 3-for-85 zone is labelled so, and an untagged product gets nothing', () => {
    expect(itemPromotionTags(['zone-2for79'], [{ ...zone, groupSize: 3, payRateBp: 8500 }])[0]?.label).toBe('3件85折');
    expect(itemPromotionTags([], [zone, addOn])).toEqual([]);
    expect(itemPromotionTags(['other'], [zone, addOn])).toEqual([]);
  });

  it('lists multi-buy before add-on offers, as the engine applies them', () => {
    expect(itemPromotionTags(['zone-2for79', 'beauty'], [addOn, zone]).map((t) => t.kind)).toEqual([
      'MULTI_BUY',
      'ADD_ON',
    ]);
    expect(itemPromotionTags(['beauty'], [addOn])[0]?.label).toBe('满68加1元换购');
  });
});

describe('member-day tag', () => {
  it('shows a member the discount of their own tier, matching the quote label on member day', () => {
    const tag = memberDayTag(view(true).memberDay, 'SILVER');
    expect(tag?.label).toBe('会员日满68减8');
    expect(tag?.hint).toContain('今天是会员日');
    const priced = quote({
      lines: [{ skuId: 1, productId: 1, categoryId: 1, unitPriceFen: fen(6800), quantity: 1 }],
      member: { tier: 'SILVER', localWeekday: DEFAULT_MEMBER_DAY_RULE.weekday },
      promotions: [],
    });
    expect(priced.discounts.map((d) => d.label)).toEqual([tag?.label]);
  });

  it('shows a guest the lowest discount "from", and names the weekday when it is not today', () => {
    const tag = memberDayTag(view(false).memberDay, null);
    expect(tag?.label).toBe('会员日满68减6起');
    expect(tag?.hint).toContain('每周三会员日');
    expect(tag?.hint).toContain('入会即享');
  });

  it('is absent when no tier has a discount', () => {
    const none = view(true).memberDay;
    expect(memberDayTag({ ...none, tiers: none.tiers.map((t) => ({ ...t, discountFen: 0 })) }, 'GOLD')).toBeNull();
  });
});

describe('where tags show', () => {
  it('puts the member day on the product page always, on cards only on the day', () => {
    expect(productPromotionTags(['zone-2for79'], view(false), 'GOLD').map((t) => t.label)).toEqual([
      '2件79折',
      '会员日满68减10',
    ]);
    expect(cardPromotionTags(['zone-2for79'], view(false), 'GOLD').map((t) => t.label)).toEqual(['2件79折']);
    expect(cardPromotionTags([], view(true), 'GOLD').map((t) => t.label)).toEqual(['会员日满68减10']);
  });
});
