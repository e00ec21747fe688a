import { describe, expect, it } from 'vitest';
import { isMainlandMobile, MAINLAND_MOBILE_MESSAGE, mobileError, normaliseMobile } from './phone';

describe('mainland mobile number', () => {
  it('accepts 1[3-9] and nine more digits', () => {
    for (const n of ['13800138000', '15912345678', '19999999999', '16600000000'])
      expect(isMainlandMobile(n)).toBe(true);
  });

  it('refuses eleven zeros, 1[0-2] prefixes and wrong lengths', () => {
    for (const n of ['00000000000', '10000000000', '12345678901', '1380013800', '138001380001', '', '1380013800a']) {
      expect(isMainlandMobile(n)).toBe(false);
    }
  });

  it('ignores spaces and dashes people type', () => {
    expect(normaliseMobile('138 0013-8000')).toBe('13800138000');
    expect(isMainlandMobile('138 0013 8000')).toBe(true);
  });

  it('says what a valid number looks like', () => {
    expect(mobileError('00000000000')).toBe(MAINLAND_MOBILE_MESSAGE);
    expect(MAINLAND_MOBILE_MESSAGE).toContain('1 开头的 11 位');
    expect(mobileError('13800138000')).toBeNull();
  });
});

describe('the server refusal', () => {
  it('says the same as the form', async () => {
    const { ERROR_CODES } = await import('../../contracts/error-codes');
    expect(ERROR_CODES.PHONE_INVALID).toEqual({ status: 400, message: MAINLAND_MOBILE_MESSAGE });
  });
});
