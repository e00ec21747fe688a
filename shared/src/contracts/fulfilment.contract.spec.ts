import { describe, expect, it } from 'vitest';
import { formatOrderPickupCode, normaliseOrderPickupCode, TRACKING_NO_PATTERN } from './fulfilment.contract';

describe('order pickup codes', () => {
  it('accept 12 digits, ignoring spaces and dashes, and nothing else', () => {
    expect(normaliseOrderPickupCode('1234 5678 9012')).toBe('123456789012');
    expect(normaliseOrderPickupCode(' 1234-5678-9012 ')).toBe('123456789012');
    expect(normaliseOrderPickupCode('12345678901')).toBeNull();
    expect(normaliseOrderPickupCode('1234567890123')).toBeNull();
    expect(normaliseOrderPickupCode('12345678901A')).toBeNull();
    expect(normaliseOrderPickupCode('ABCDE-FGHJK')).toBeNull(); // a gift pickup code is not an order's
  });

  it('read in groups of four', () => {
    expect(formatOrderPickupCode('123456789012')).toBe('1234 5678 9012');
  });
});

describe('tracking numbers', () => {
  it('are 6–40 letters, digits or dashes', () => {
    expect(TRACKING_NO_PATTERN.test('SF1234567890')).toBe(true);
    expect(TRACKING_NO_PATTERN.test('JD-0012-3456')).toBe(true);
    expect(TRACKING_NO_PATTERN.test('12345')).toBe(false);
    expect(TRACKING_NO_PATTERN.test('SF 1234 5678')).toBe(false);
    expect(TRACKING_NO_PATTERN.test('顺丰123456')).toBe(false);
  });
});
