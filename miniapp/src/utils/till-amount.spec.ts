import { describe, expect, it } from 'vitest';
import { normalizeAmountText, readTillAmount, TILL_MAX_FEN } from './till-amount';

const ok = (text: string) => {
  const read = readTillAmount(text);
  if (read.kind !== 'ok') throw new Error(`"${text}" read as ${JSON.stringify(read)}`);
  return read.fen as number;
};
const message = (text: string) => {
  const read = readTillAmount(text);
  if (read.kind !== 'invalid') throw new Error(`"${text}" read as ${JSON.stringify(read)}`);
  return read.message;
};

describe('readTillAmount', () => {
  it('reads yuan into integer fen, never through a float', () => {
    expect(ok('80')).toBe(8000);
    expect(ok('80.5')).toBe(8050);
    expect(ok('80.50')).toBe(8050);
    expect(ok('0.01')).toBe(1);
    expect(ok('67.99')).toBe(6799);
    expect(ok('0.29')).toBe(29);
    expect(ok('¥306')).toBe(30600);
    expect(ok(' 1 2 . 3 ')).toBe(1230);
  });

  it('accepts what a Chinese keyboard types: full-width digits, ．/。 and ￥', () => {
    expect(normalizeAmountText('￥８０．５')).toBe('¥80.5');
    expect(ok('８０。５０')).toBe(8050);
    expect(ok('￥72')).toBe(7200);
  });

  it('says nothing while the field is empty or mid-typing', () => {
    expect(readTillAmount('')).toEqual({ kind: 'empty' });
    expect(readTillAmount('   ')).toEqual({ kind: 'empty' });
    expect(readTillAmount('¥')).toEqual({ kind: 'empty' });
    expect(readTillAmount('80.')).toEqual({ kind: 'incomplete' });
  });

  it('refuses zero, negatives, fractions of a fen, separators and words, in Chinese', () => {
    expect(message('0')).toBe('金额需大于 0 元');
    expect(message('0.00')).toBe('金额需大于 0 元');
    expect(message('-5')).toBe('金额不能为负数');
    expect(message('80.505')).toBe('金额最多两位小数（精确到分）');
    for (const bad of ['1,000', '8o', 'abc', '.5', '1e3', '80..5', '¥¥80', 'NaN', 'Infinity']) {
      expect(message(bad)).toBe('请输入正确的金额，如 80 或 80.50');
    }
  });

  it('caps a sale at the server limit (¥100,000)', () => {
    expect(ok('100000')).toBe(TILL_MAX_FEN);
    expect(message('100000.01')).toBe('单笔金额不能超过 ¥100000.00');
    expect(message('99999999999')).toBe('单笔金额不能超过 ¥100000.00');
  });
});
