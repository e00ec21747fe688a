import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localCalendar } from '../loyalty/business-calendar';
import { DEFAULT_TIER_TABLE, TIER_CODES } from '../loyalty/tiers';
import { defaultExpiry, pointsForPurchase, zonedMidnight } from './points-earning';

describe('pointsForPurchase', () => {
  it.each([
    // [paidFen, tier, birthday, points]
    [8000, 'NORMAL', false, 80],
    [8000, 'SILVER', false, 120],
    [8000, 'GOLD', false, 160],
    [8099, 'NORMAL', false, 80],
    [199, 'SILVER', false, 2], // 1.99 yuan × 1.5 = 2.985 → 2
    [99, 'NORMAL', false, 0],
    [0, 'GOLD', false, 0],
    [8000, 'SILVER', true, 240],
    [8000, 'NORMAL', true, 160],
    [133, 'SILVER', true, 2], // 1.995 → 1, doubled
  ] as const)('¥%i fen for %s (birthday %s) earns %i', (paidFen, tier, birthday, points) => {
    expect(pointsForPurchase({ paidFen, tier, birthday })).toBe(points);
  });

  it('follows a configured table and multiplier', () => {
    const table = DEFAULT_TIER_TABLE.map((t) => ({ ...t, pointsPerYuanTenths: 5 }));
    const rule = { birthdayMultiplier: 3, expiryYears: 1, version: 't' };
    expect(pointsForPurchase({ paidFen: 1000, tier: 'GOLD', birthday: true }, table, rule)).toBe(15);
  });

  it('rejects negative and fractional amounts', () => {
    expect(() => pointsForPurchase({ paidFen: -1, tier: 'GOLD', birthday: false })).toThrow(RangeError);
    expect(() => pointsForPurchase({ paidFen: 1.5, tier: 'GOLD', birthday: false })).toThrow(RangeError);
  });

  it('property: an integer never above the exact rate, and never less for a larger payment or a higher tier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(...TIER_CODES),
        fc.boolean(),
        (paidFen, extra, tier, birthday) => {
          const points = pointsForPurchase({ paidFen, tier, birthday });
          const rate = DEFAULT_TIER_TABLE.find((t) => t.code === tier)?.pointsPerYuanTenths ?? 0;
          expect(Number.isSafeInteger(points)).toBe(true);
          expect(points).toBeLessThanOrEqual(((paidFen * rate) / 1000) * (birthday ? 2 : 1));
          expect(pointsForPurchase({ paidFen: paidFen + extra, tier, birthday })).toBeGreaterThanOrEqual(points);
          expect(pointsForPurchase({ paidFen, tier: 'GOLD', birthday })).toBeGreaterThanOrEqual(points);
        },
      ),
    );
  });
});

describe('defaultExpiry', () => {
  it('is the end of the next calendar year in the store zone', () => {
    expect(defaultExpiry(new Date('2026-03-05T02:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2027-12-31T16:00:00.000Z',
    );
    // 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in Shanghai: a 2027 earning.
    expect(defaultExpiry(new Date('2026-12-31T17:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2028-12-31T16:00:00.000Z',
    );
    expect(defaultExpiry(new Date('2026-12-31T17:00:00Z'), 'UTC').toISOString()).toBe('2028-01-01T00:00:00.000Z');
    // New York is on standard time (UTC-5) at New Year.
    expect(defaultExpiry(new Date('2026-07-01T12:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2028-01-01T05:00:00.000Z',
    );
  });

  it('takes the number of years from configuration', () => {
    expect(defaultExpiry(new Date('2026-03-05T02:00:00Z'), 'Asia/Shanghai', 0).toISOString()).toBe(
      '2026-12-31T16:00:00.000Z',
    );
    expect(defaultExpiry(new Date('2026-03-05T02:00:00Z'), 'Asia/Shanghai', 2).toISOString()).toBe(
      '2028-12-31T16:00:00.000Z',
    );
    expect(() => defaultExpiry(new Date(), 'UTC', -1)).toThrow(RangeError);
  });

  it('finds local midnight across zones, including half-hour offsets and DST', () => {
    expect(zonedMidnight(2027, 1, 1, 'Asia/Kolkata').toISOString()).toBe('2026-12-31T18:30:00.000Z');
    expect(zonedMidnight(2027, 7, 1, 'America/New_York').toISOString()).toBe('2027-07-01T04:00:00.000Z');
  });

  it('property: after the earning, at local midnight of 1 January, and in the right year', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Sydney'),
        fc.integer({ min: 0, max: 3 }),
        (earnedAt, zone, years) => {
          const expiry = defaultExpiry(earnedAt, zone, years);
          expect(expiry.getTime()).toBeGreaterThan(earnedAt.getTime());
          const local = localCalendar(expiry, zone);
          expect(local).toMatchObject({ monthDay: '01-01', hour: 0, minute: 0 });
          expect(local.year).toBe(localCalendar(earnedAt, zone).year + years + 1);
          // One millisecond earlier is still 31 December of the year before.
          expect(localCalendar(new Date(expiry.getTime() - 1), zone).monthDay).toBe('12-31');
        },
      ),
    );
  });
});
