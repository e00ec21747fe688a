import type { EntityManager } from 'typeorm';
import { CouponTemplate } from './coupon-template.entity';

/**
 * The demo brand's coupon centre (领券中心): a store-wide coupon, two category coupons (one nearly gone) and one
 * already claimed out, so every state (立即领取 / 已抢光) shows in the one-command demo.
 */
export async function seedDemoCouponCentre(
  manager: EntityManager,
  categoryIds: ReadonlyMap<string, number>,
  now: Date,
): Promise<number> {
  const category = (key: string) => {
    const id = categoryIds.get(key);
    if (id === undefined) throw new Error(`demo coupon centre names unknown category ${key}`);
    return id;
  };
  const rows: Partial<CouponTemplate>[] = [
    {
      code: 'CENTRE_199_MINUS_30',
      name: '全场满199减30',
      kind: 'AMOUNT_OFF',
      amountOffFen: 3000,
      thresholdFen: 19_900,
      scope: { kind: 'ALL' },
      stacking: 'EXCLUSIVE',
      validDays: 14,
      claimPerMember: 1,
      claimTotal: 1000,
      claimedCount: 126,
    },
    {
      code: 'CENTRE_SNACKS_30_5',
      name: '零食满30减5',
      kind: 'AMOUNT_OFF',
      amountOffFen: 500,
      thresholdFen: 3000,
      scope: { kind: 'CATEGORIES', categoryIds: [category('snacks')] },
      stacking: 'STACKABLE',
      validDays: 7,
      claimPerMember: 2,
      claimTotal: null,
      claimedCount: 0,
    },
    {
      code: 'CENTRE_CANDLE_88',
      name: '香氛蜡烛88折券',
      kind: 'PERCENT',
      payRateBp: 8800,
      maxDiscountFen: 3000,
      thresholdFen: 0,
      scope: { kind: 'CATEGORIES', categoryIds: [category('fragrance')] },
      stacking: 'EXCLUSIVE',
      validDays: 7,
      claimPerMember: 1,
      claimTotal: 50,
      claimedCount: 47,
    },
    {
      code: 'CENTRE_PLUSH_100_20',
      name: '毛绒公仔满100减20',
      kind: 'AMOUNT_OFF',
      amountOffFen: 2000,
      thresholdFen: 10_000,
      scope: { kind: 'CATEGORIES', categoryIds: [category('plush')] },
      stacking: 'EXCLUSIVE',
      validDays: 7,
      claimPerMember: 1,
      claimTotal: 30,
      claimedCount: 30,
    },
  ];
  await manager.save(
    rows.map((row) =>
      manager.create(CouponTemplate, {
        amountOffFen: null,
        payRateBp: null,
        maxDiscountFen: null,
        ...row,
        claimable: true,
        version: 1,
        createdAt: now,
      }),
    ),
  );
  return rows.length;
}
