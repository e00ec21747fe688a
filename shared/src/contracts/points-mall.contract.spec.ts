import { describe, expect, it } from 'vitest';
import { formatPickupCode, normalisePickupCode, PICKUP_CODE_ALPHABET } from './points-mall.contract';

describe('pickup codes', () => {
  it('normalises what a cashier types: case, spaces, dashes and look-alike letters', () => {
    expect(normalisePickupCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(normalisePickupCode(' 7O1IL 2345 z ')).toBe('701112345Z');
    expect(normalisePickupCode('ABCDEFGHJ')).toBeNull();
    expect(normalisePickupCode('ABCDEFGHJU')).toBeNull();
    expect(normalisePickupCode('ABCDEFGHJK1')).toBeNull();
  });

  it('uses 32 unambiguous symbols and groups the code for reading aloud', () => {
    expect(new Set(PICKUP_CODE_ALPHABET).size).toBe(32);
    expect(PICKUP_CODE_ALPHABET).not.toMatch(/[ILOU]/);
    expect(formatPickupCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
  });
});
