import { afterEach, describe, expect, it } from 'vitest';
import {
  formatBirthday,
  formatDate,
  formatDateTime,
  formatEnd,
  formatRange,
  formatTime,
  setStoreTimeZone,
  storeTimeZone,
} from './date';

// 07:17 UTC is 15:17 in Shanghai: what a shopper in Beijing reads, whatever zone the phone (or this test) is in.
const at = '2026-12-03T07:17:00.000Z';

describe('date formatting (the store zone, one shape)', () => {
  afterEach(() => setStoreTimeZone('Asia/Shanghai'));

  it('shows times in the store zone, not the device zone', () => {
    expect(storeTimeZone()).toBe('Asia/Shanghai');
    expect(formatTime(at)).toBe('15:17');
    expect(formatDate('2026-12-02T16:30:00.000Z')).toBe('2026-12-03');
    expect(formatDateTime(at)).toBe('2026-12-03 15:17');
    expect(formatDate(null)).toBe('');
    expect(formatTime('nope')).toBe('');
  });

  it('follows the zone the server names', () => {
    setStoreTimeZone('UTC');
    expect(formatTime(at)).toBe('07:17');
    setStoreTimeZone('Not/AZone');
    expect(storeTimeZone()).toBe('UTC');
  });

  it('says ranges and ends in one format', () => {
    expect(formatRange('2026-12-01T16:00:00.000Z', '2027-01-01T16:00:00.000Z')).toBe('2026-12-02 至 2027-01-01');
    expect(formatRange('2026-12-02T02:01:00.000Z', '2027-01-01T02:01:00.000Z')).toBe(
      '2026-12-02 10:01 至 2027-01-01 10:01',
    );
    expect(formatEnd('2026-12-01T16:00:00.000Z')).toBe('2026-12-01');
  });

  it('says a birthday in Chinese', () => {
    expect(formatBirthday('05-20')).toBe('5月20日');
    expect(formatBirthday('12-01')).toBe('12月1日');
    expect(formatBirthday(null)).toBe('');
    expect(formatBirthday('5-20')).toBe('');
  });
});
