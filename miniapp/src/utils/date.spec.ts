import { describe, expect, it } from 'vitest';
import { formatBirthday, formatDate, formatTime } from './date';

describe('date formatting', () => {
  it('formats local dates and times, empty for bad input', () => {
    const d = new Date(2026, 10, 4, 9, 5);
    expect(formatDate(d.toISOString())).toBe('2026-11-04');
    expect(formatTime(d.toISOString())).toBe('09:05');
    expect(formatDate(null)).toBe('');
    expect(formatTime('nope')).toBe('');
  });

  it('says a birthday in Chinese', () => {
    expect(formatBirthday('05-20')).toBe('5月20日');
    expect(formatBirthday('12-01')).toBe('12月1日');
    expect(formatBirthday(null)).toBe('');
    expect(formatBirthday('5-20')).toBe('');
  });
});
