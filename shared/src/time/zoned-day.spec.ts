import { describe, expect, it } from 'vitest';
import { lastZonedDays, zonedDayRange, zonedDayStart } from './zoned-day';

describe('zonedDayStart', () => {
  it('is midnight in Shanghai, eight hours before UTC midnight', () => {
    expect(zonedDayStart('2026-12-03', 'Asia/Shanghai').toISOString()).toBe('2026-12-02T16:00:00.000Z');
  });

  it('follows a daylight-saving zone on the day it springs forward', () => {
    expect(zonedDayStart('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(zonedDayStart('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('refuses what is not a day', () => {
    expect(() => zonedDayStart('2026-12-3', 'Asia/Shanghai')).toThrow(RangeError);
  });
});

describe('zonedDayRange', () => {
  it('covers the last day whole, across a month end', () => {
    const { from, to } = zonedDayRange('2026-11-30', '2026-11-30', 'Asia/Shanghai');
    expect(from.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(to.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
});

describe('lastZonedDays', () => {
  it('ends with the zone day of now, even when UTC is still on the day before', () => {
    // 2026-12-03 23:30 in Shanghai is 15:30Z; 2026-12-04 00:30 Shanghai is 16:30Z on the 3rd.
    const days = lastZonedDays(new Date('2026-12-03T16:30:00Z'), 3, 'Asia/Shanghai');
    expect(days.map((d) => d.day)).toEqual(['2026-12-02', '2026-12-03', '2026-12-04']);
    expect(days[2].from.toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(days[2].to.toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(days[0].to).toEqual(days[1].from);
  });
});
