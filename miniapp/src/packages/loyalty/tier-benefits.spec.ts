import { tierBenefits } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { benefitRows, wholeYuan } from './tier-benefits';

describe('benefitRows', () => {
  it('reads the default tiers as the tier page shows them', () => {
    const rows = Object.fromEntries(benefitRows(tierBenefits()).map((r) => [r.key, r.cells]));
    expect(rows).toEqual({
      growth: ['0-2999', '3000-5999', '6000 以上'],
      points: ['每元 1 分', '每元 1.5 分', '每元 2 分'],
      'member-day': ['满68减6', '满68减8', '满68减10'],
      'birthday-points': ['双倍', '双倍', '双倍'],
      'birthday-coupon': ['¥8 无门槛', '¥8 无门槛', '¥8 无门槛'],
      priority: ['', '', '✓'],
    });
  });

  it('keeps fen when an amount is not whole yuan', () => {
    expect(wholeYuan(850)).toBe('¥8.50');
  });
});
