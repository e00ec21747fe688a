import { describe, expect, it } from 'vitest';
import { zonedDayRange, zonedDayStart } from './zoned-day';

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
