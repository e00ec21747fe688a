import { describe, expect, it } from 'vitest';
import { isValidBirthday } from '@tidepool/shared';
import { DAYS_IN_MONTH, fromMonthDay, toMonthDay } from './month-day';

describe('month-day picker values', () => {
  it('round-trips every valid birthday', () => {
    DAYS_IN_MONTH.forEach((days, month) => {
      for (let day = 0; day < days; day++) {
        const value = toMonthDay(month, day);
        expect(isValidBirthday(value), value).toBe(true);
        expect(fromMonthDay(value)).toEqual([month, day]);
      }
    });
  });

  it('clamps a day past the end of the month (the day column was longer)', () => {
    expect(toMonthDay(1, 30)).toBe('02-29');
    expect(toMonthDay(3, 30)).toBe('04-30');
    expect(fromMonthDay(null)).toEqual([0, 0]);
  });
});
