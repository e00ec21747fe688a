import { DEFAULT_BRAND_RULES } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/env';
import { BrandSettings } from './brand-settings.service';
import { LoyaltyRules } from './loyalty-rules.service';

const withRules = (brand: Partial<typeof DEFAULT_BRAND_RULES>) => {
  const config = loadConfig({ NODE_ENV: 'test' });
  return new BrandSettings({ ...config, brand: { ...config.brand, ...brand } });
};

describe('LoyaltyRules.pointsForPurchase', () => {
  // 2026-03-04 23:30 in Shanghai is still 2026-03-04 15:30 in London.
  const at = new Date('2026-03-04T15:30:00Z');

  it("earns the brand's tier rate, doubled on the birthday in the brand's zone", () => {
    const rules = new LoyaltyRules(withRules({}));
    expect(rules.pointsForPurchase({ paidFen: 12_345, tier: 'SILVER', birthday: null, at })).toEqual({
      points: 185,
      birthday: false,
    });
    expect(rules.pointsForPurchase({ paidFen: 12_345, tier: 'SILVER', birthday: '03-04', at })).toEqual({
      points: 370,
      birthday: true,
    });
  });

  it("judges the birthday in the store's zone when a till gives one", () => {
    const rules = new LoyaltyRules(withRules({}));
    const input = { paidFen: 10_000, tier: 'NORMAL' as const, birthday: '03-05', at };
    expect(rules.pointsForPurchase(input).birthday).toBe(false);
    expect(rules.pointsForPurchase({ ...input, timeZone: 'Asia/Tokyo' })).toEqual({ points: 200, birthday: true });
  });

  it("follows the brand's rates and multiplier, not the defaults", () => {
    const tierTable = DEFAULT_BRAND_RULES.tierTable.map((t) => ({ ...t, pointsPerYuanTenths: 30 }));
    const points = { ...DEFAULT_BRAND_RULES.points, birthdayMultiplier: 3 };
    const rules = new LoyaltyRules(withRules({ tierTable, points }));
    expect(rules.pointsForPurchase({ paidFen: 1_000, tier: 'NORMAL', birthday: '03-04', at }).points).toBe(90);
  });

  it('refuses to serve a broken rule set', () => {
    expect(() => withRules({ returnWindowDays: -1 })).toThrow(/returnWindowDays must be an integer/);
  });
});
