import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen, MoneyError } from './fen';
import { formatFen, parseYuan } from './format';

describe('formatFen', () => {
  it.each([
    [1230, '¥12.30'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [-5, '-¥0.05'],
    [123456789, '¥1234567.89'],
  ])('%i fen → %s', (amount, text) => {
    expect(formatFen(fen(amount))).toBe(text);
  });
});

describe('parseYuan', () => {
  it.each([
    ['12.30', 1230],
    ['¥12.30', 1230],
    ['12.3', 1230],
    ['12', 1200],
    ['0.05', 5],
    ['-0.05', -5],
    [' 68 ', 6800],
  ])('%s → %i fen', (text, amount) => {
    expect(parseYuan(text)).toBe(amount);
  });

  it.each(['', 'abc', '12.345', '1,000.00', '12.', '.5', '1e3', '¥'])('rejects %j', (text) => {
    expect(() => parseYuan(text)).toThrow(MoneyError);
  });

  it('round-trips every amount through format and parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseYuan(formatFen(fen(n)))).toBe(n);
      }),
    );
  });
});
