import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatEnd,
  formatRange,
  formatTime,
  isDisplayableTimeZone,
  wallClock,
} from './format';

// 2026-12-03 07:17 UTC is 15:17 in Shanghai.
const at = '2026-12-03T07:17:30.000Z';

describe('store-zone formatter', () => {
  it('formats in the store zone, whatever the process zone', () => {
    expect(formatDate(at)).toBe('2026-12-03');
    expect(formatTime(at)).toBe('15:17');
    expect(formatDateTime(at)).toBe('2026-12-03 15:17');
    expect(formatTime(at, 'UTC')).toBe('07:17');
  });

  it('crosses the date line of the zone, not of UTC', () => {
    expect(formatDate('2026-12-02T16:30:00.000Z')).toBe('2026-12-03');
    expect(formatDate('2026-12-02T16:30:00.000Z', 'UTC')).toBe('2026-12-02');
  });

  it('says nothing for a missing or invalid instant', () => {
    for (const v of [null, undefined, '', 'not a date', Number.NaN]) {
      expect(formatDate(v)).toBe('');
      expect(formatDateTime(v)).toBe('');
      expect(formatRange(v, at)).toBe('');
    }
  });

  it('names whole-day ranges by their days, the exclusive end meaning the day before', () => {
    // Shanghai midnight of 12-02 to Shanghai midnight of 2027-01-02.
    expect(formatRange('2026-12-01T16:00:00.000Z', '2027-01-01T16:00:00.000Z')).toBe('2026-12-02 至 2027-01-01');
    expect(formatEnd('2027-01-01T16:00:00.000Z')).toBe('2027-01-01');
  });

  it('names both times when either end is not a whole day, in one shape', () => {
    expect(formatRange('2026-12-02T02:01:00.000Z', '2027-01-01T02:01:00.000Z')).toBe(
      '2026-12-02 10:01 至 2027-01-01 10:01',
    );
    expect(formatEnd('2027-01-01T02:01:00.000Z')).toBe('2027-01-01 10:01');
  });

  it('knows which zones it can show', () => {
    expect(isDisplayableTimeZone('Asia/Shanghai')).toBe(true);
    expect(isDisplayableTimeZone('America/New_York')).toBe(true);
    expect(isDisplayableTimeZone('Not/AZone')).toBe(false);
  });

  it('supports an inclusive end', () => {
    expect(formatRange('2026-12-01T16:00:00.000Z', '2026-12-11T15:59:59.999Z', undefined, { inclusiveEnd: true })).toBe(
      '2026-12-02 至 2026-12-11',
    );
  });

  describe('without time-zone data (a WeChat JS engine)', () => {
    afterEach(() => vi.restoreAllMocks());

    it('falls back to the fixed offset of the brand zone', async () => {
      vi.resetModules();
      vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(() => {
        throw new RangeError('no time zones');
      });
      const fresh = await import('./format');
      expect(fresh.formatDateTime(at)).toBe('2026-12-03 15:17');
      expect(fresh.wallClock(at, 'UTC')?.hour).toBe(7);
    });
  });

  it('agrees with Intl across a year of instants', () => {
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 3600_000 + 13 * 60_000) {
      const w = wallClock(ms)!;
      const d = new Date(ms + 8 * 3600_000);
      expect([w.year, w.month, w.day, w.hour, w.minute]).toEqual([
        d.getUTCFullYear(),
        d.getUTCMonth() + 1,
        d.getUTCDate(),
        d.getUTCHours(),
        d.getUTCMinutes(),
      ]);
    }
  });
});
