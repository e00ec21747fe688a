import { describe, expect, it } from 'vitest';
import {
  CODE128_PATTERNS,
  CODE128_QUIET_ZONE,
  CODE128_START_C,
  CODE128_STOP,
  code128CLayout,
  code128CValues,
  code128CWidths,
} from './code128';

/** Reads symbol values back from bar/space widths: the way a scanner would, against the same table. */
function decodeWidths(widths: number[]): number[] {
  const values: number[] = [];
  let i = 0;
  while (i < widths.length) {
    const take = widths.length - i === 7 ? 7 : 6;
    const pattern = widths.slice(i, i + take).join('');
    const value = CODE128_PATTERNS.indexOf(pattern);
    if (value < 0) throw new Error(`no symbol ${pattern}`);
    values.push(value);
    i += take;
  }
  return values;
}

describe('CODE128 pattern table', () => {
  it('has 107 distinct symbols of 11 modules (STOP: 13) with an even bar sum', () => {
    expect(CODE128_PATTERNS).toHaveLength(107);
    expect(new Set(CODE128_PATTERNS).size).toBe(107);
    CODE128_PATTERNS.forEach((pattern, value) => {
      const widths = [...pattern].map(Number);
      const total = widths.reduce((a, b) => a + b, 0);
      expect(total, `symbol ${value}`).toBe(value === CODE128_STOP ? 13 : 11);
      // The bars of every symbol add up to an even number of modules (the parity check scanners apply).
      const bars = widths.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0);
      expect(bars % 2, `symbol ${value}`).toBe(0);
      expect(widths.every((w) => w >= 1 && w <= 4)).toBe(true);
    });
    expect(CODE128_PATTERNS[CODE128_START_C]).toBe('211232');
    expect(CODE128_PATTERNS[CODE128_STOP]).toBe('2331112');
  });
});

describe('code128CValues', () => {
  it('encodes digit pairs with the weighted mod-103 checksum (textbook example 123456 → 44)', () => {
    // 105 + 12×1 + 34×2 + 56×3 = 353; 353 mod 103 = 44.
    expect(code128CValues('123456')).toEqual([105, 12, 34, 56, 44, 106]);
  });

  it('encodes an 18-digit member code as START C, 9 symbols, checksum, STOP', () => {
    const code = '100000000712345678';
    const values = code128CValues(code);
    expect(values).toHaveLength(12);
    expect(values.slice(1, 10)).toEqual([10, 0, 0, 0, 7, 12, 34, 56, 78]);
    const weighted = values.slice(1, 10).reduce((sum, v, i) => sum + v * (i + 1), CODE128_START_C);
    expect(values[10]).toBe(weighted % 103);
    expect(values.at(-1)).toBe(CODE128_STOP);
  });

  it('keeps leading zeros of a pair ("00", "07")', () => {
    expect(code128CValues('0007')).toEqual([105, 0, 7, (105 + 0 + 14) % 103, 106]);
  });

  it.each(['', '1', '12345', '12a4', '12 34'])('refuses %j', (digits) => {
    expect(() => code128CValues(digits)).toThrow(/even number of digits/);
  });
});

describe('code128CWidths / layout', () => {
  const code = '987654321012345678';

  it('round-trips through a table decode', () => {
    const widths = code128CWidths(code);
    const values = decodeWidths(widths);
    expect(values).toEqual(code128CValues(code));
    const digits = values
      .slice(1, -2)
      .map((v) => String(v).padStart(2, '0'))
      .join('');
    expect(digits).toBe(code);
  });

  it('is 11 modules per symbol plus 13 for STOP, with quiet zones each side', () => {
    // START + 9 data + checksum = 11 symbols of 11 modules, STOP 13.
    const symbolModules = 11 * 11 + 13;
    expect(code128CWidths(code).reduce((a, b) => a + b, 0)).toBe(symbolModules);
    const layout = code128CLayout(code);
    expect(layout.modules).toBe(symbolModules + 2 * CODE128_QUIET_ZONE);
    expect(layout.bars[0]).toEqual({ x: CODE128_QUIET_ZONE, width: 2 });
    const last = layout.bars.at(-1)!;
    // STOP ends with a 2-module bar right before the right quiet zone.
    expect(last.x + last.width).toBe(layout.modules - CODE128_QUIET_ZONE);
    // 11 symbols × 3 bars + STOP's 4 bars.
    expect(layout.bars).toHaveLength(11 * 3 + 4);
  });
});
