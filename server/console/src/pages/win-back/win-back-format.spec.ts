import { describe, expect, it } from 'vitest';
import { rateText, signedPoints } from './win-back-format';

describe('win-back figures', () => {
  it('prints rates in percent and differences in signed points', () => {
    expect(rateText(0.4)).toBe('40.0%');
    expect(rateText(null)).toBe('—');
    expect(signedPoints(0.2)).toBe('+20.0 个百分点');
    expect(signedPoints(-0.211125513816087)).toBe('-21.1 个百分点');
    expect(signedPoints(0)).toBe('0.0 个百分点');
  });
});
