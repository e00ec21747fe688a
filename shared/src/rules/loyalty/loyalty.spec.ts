import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localCalendar } from './business-calendar';
import { memberDayDiscount } from './member-day';
import { DEFAULT_TIER_TABLE, growthForPaidFen, tierFor, tierProgress } from './tiers';

describe('tiers', () => {
  it.each([
    [0, 'NORMAL'],
    [2999, 'NORMAL'],
    [3000, 'SILVER'],
    [5999, 'SILVER'],
    [6000, 'GOLD'],
    [1_000_000, 'GOLD'],
    [-5, 'NORMAL'],
  ])('growth %i is %s', (growth, code) => {
    expect(tierFor(growth).code).toBe(code);
  });

  it('reports progress to the next tier', () => {
    expect(tierProgress(0)).toMatchObject({ growthToNext: 3000, permille: 0, next: { code: 'SILVER' } });
    expect(tierProgress(1500)).toMatchObject({ growthToNext: 1500, permille: 500 });
    expect(tierProgress(4500)).toMatchObject({ current: { code: 'SILVER' }, growthToNext: 1500, permille: 500 });
    expect(tierProgress(7000)).toMatchObject({ next: null, growthToNext: 0, permille: 1000 });
  });

  it('progress stays within 0..1000 and the distance is never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (growth) => {
        const p = tierProgress(growth);
        expect(p.permille).toBeGreaterThanOrEqual(0);
        expect(p.permille).toBeLessThanOrEqual(1000);
        expect(p.growthToNext).toBeGreaterThanOrEqual(0);
        expect(DEFAULT_TIER_TABLE).toContain(p.current);
      }),
    );
  });

  it('earns 10 growth per whole yuan', () => {
    expect(growthForPaidFen(6899)).toBe(680);
    expect(growthForPaidFen(99)).toBe(0);
  });
});

describe('member day', () => {
  it('gives 10/8/6 yuan off from 68 yuan on Wednesday only', () => {
    expect(memberDayDiscount({ tier: 'GOLD', eligibleFen: 6800, localWeekday: 3 })).toBe(1000);
    expect(memberDayDiscount({ tier: 'SILVER', eligibleFen: 9900, localWeekday: 3 })).toBe(800);
    expect(memberDayDiscount({ tier: 'NORMAL', eligibleFen: 6800, localWeekday: 3 })).toBe(600);
    expect(memberDayDiscount({ tier: 'GOLD', eligibleFen: 6799, localWeekday: 3 })).toBe(0);
    expect(memberDayDiscount({ tier: 'GOLD', eligibleFen: 6800, localWeekday: 4 })).toBe(0);
  });

  it('never discounts more than the eligible amount', () => {
    const rule = { weekday: 3, thresholdFen: 0, version: 't' };
    expect(memberDayDiscount({ tier: 'GOLD', eligibleFen: 500, localWeekday: 3 }, rule)).toBe(500);
  });
});

describe('localCalendar', () => {
  it('uses the store zone, not UTC: Tuesday 17:00 UTC is Wednesday 01:00 in Shanghai', () => {
    const instant = new Date('2026-11-24T17:00:00Z');
    expect(localCalendar(instant, 'UTC')).toMatchObject({ weekday: 2, date: '2026-11-24', hour: 17 });
    expect(localCalendar(instant, 'Asia/Shanghai')).toMatchObject({
      weekday: 3,
      date: '2026-11-25',
      monthDay: '11-25',
      hour: 1,
      year: 2026,
    });
  });

  it('follows daylight saving in zones that have it', () => {
    expect(localCalendar(new Date('2026-07-01T12:00:00Z'), 'America/New_York').hour).toBe(8);
    expect(localCalendar(new Date('2026-01-01T12:00:00Z'), 'America/New_York').hour).toBe(7);
  });
});
