import { describe, expect, it } from 'vitest';
import { formatPointsRate, tierBenefits } from './tier-benefits';

describe('tierBenefits', () => {
  it('lists docs/domain.md’s tiers with their rates, member-day discounts, birthday perks and gold priority', () => {
    expect(tierBenefits()).toEqual([
      {
        code: 'NORMAL',
        name: '普卡',
        minGrowth: 0,
        maxGrowth: 2999,
        pointsPerYuanTenths: 10,
        memberDayThresholdFen: 6800,
        memberDayDiscountFen: 600,
        birthdayPointsMultiplier: 2,
        birthdayCouponFen: 800,
        priorityDropAccess: false,
      },
      expect.objectContaining({ code: 'SILVER', minGrowth: 3000, maxGrowth: 5999, memberDayDiscountFen: 800 }),
      expect.objectContaining({ code: 'GOLD', minGrowth: 6000, maxGrowth: null, priorityDropAccess: true }),
    ]);
    expect(tierBenefits()[1]?.priorityDropAccess).toBe(false);
  });

  it('formats rates in tenths', () => {
    expect([10, 15, 20, 7].map(formatPointsRate)).toEqual(['1', '1.5', '2', '0.7']);
  });
});
