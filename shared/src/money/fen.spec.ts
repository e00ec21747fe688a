import { describe, expect, it } from 'vitest';
import { addFen, fen, isFen, MoneyError, multiplyFen, subtractFen } from './fen';

describe('fen', () => {
  it('accepts integers and rejects fractions, NaN and infinities', () => {
    expect(fen(1230)).toBe(1230);
    expect(fen(-5)).toBe(-5);
    expect(() => fen(12.3)).toThrow(MoneyError);
    expect(() => fen(Number.NaN)).toThrow(MoneyError);
    expect(() => fen(Number.POSITIVE_INFINITY)).toThrow(MoneyError);
    expect(() => fen(2 ** 53)).toThrow(MoneyError);
  });

  it('adds, subtracts and multiplies by integer quantities only', () => {
    expect(addFen(fen(100), fen(250), fen(-50))).toBe(300);
    expect(subtractFen(fen(100), fen(250))).toBe(-150);
    expect(multiplyFen(fen(1990), 3)).toBe(5970);
    expect(() => multiplyFen(fen(1990), 1.5)).toThrow(MoneyError);
  });

  it('recognises fen values', () => {
    expect(isFen(3)).toBe(true);
    expect(isFen(3.1)).toBe(false);
    expect(isFen('3')).toBe(false);
  });
});
