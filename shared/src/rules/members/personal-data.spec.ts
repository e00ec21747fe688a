import { describe, expect, it } from 'vitest';
import { isBirthday, isValidBirthday, maskPhone } from './personal-data';

describe('personal data rules', () => {
  it('masks phones for staff', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('12345')).toBe('*****');
  });

  it('accepts month-day birthdays only', () => {
    expect(isValidBirthday('02-29')).toBe(true);
    expect(isValidBirthday('12-31')).toBe(true);
    for (const bad of ['02-30', '13-01', '00-10', '1-1', '1990-01-01', '04-31', '']) {
      expect(isValidBirthday(bad)).toBe(false);
    }
  });

  it('celebrates 02-29 on 02-28 in common years', () => {
    expect(isBirthday('02-29', '02-28', 2027)).toBe(true);
    expect(isBirthday('02-29', '02-28', 2028)).toBe(false);
    expect(isBirthday('02-29', '02-29', 2028)).toBe(true);
    expect(isBirthday('05-20', '05-20', 2026)).toBe(true);
    expect(isBirthday(null, '05-20', 2026)).toBe(false);
  });
});
