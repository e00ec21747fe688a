import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate';
import { fen, MoneyError } from './fen';

describe('allocate', () => {
  it('splits evenly when it can', () => {
    expect(allocate(fen(900), [1, 1, 1])).toEqual([300, 300, 300]);
  });

  it('gives the leftover fen to the largest remainders, earlier parts first on ties', () => {
    expect(allocate(fen(100), [1, 1, 1])).toEqual([34, 33, 33]);
    // 1000 over 3000/2000/1000: 500 / 333.33 / 166.67 → the 0.67 remainder wins the spare fen.
    expect(allocate(fen(1000), [3000, 2000, 1000])).toEqual([500, 333, 167]);
  });

  it('allocates a ¥20 coupon over lines in proportion to their amounts', () => {
    expect(allocate(fen(2000), [5990, 3990, 1990])).toEqual([1001, 667, 332]);
  });

  it('handles zero totals, zero weights and negative totals', () => {
    expect(allocate(fen(0), [0, 0])).toEqual([0, 0]);
    expect(allocate(fen(0), [])).toEqual([]);
    expect(allocate(fen(10), [0, 5])).toEqual([0, 10]);
    expect(allocate(fen(-100), [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('rejects impossible requests', () => {
    expect(() => allocate(fen(1), [])).toThrow(MoneyError);
    expect(() => allocate(fen(1), [0, 0])).toThrow(MoneyError);
    expect(() => allocate(fen(1), [-1, 2])).toThrow(MoneyError);
    expect(() => allocate(fen(1), [1.5])).toThrow(MoneyError);
  });

  const weights = fc
    .array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 40 })
    .filter((ws) => ws.some((w) => w > 0));
  const totals = fc.integer({ min: -1e10, max: 1e10 });

  it('property: parts always sum to the whole', () => {
    fc.assert(
      fc.property(totals, weights, (total, ws) => {
        const parts = allocate(fen(total), ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
      }),
      { numRuns: 500 },
    );
  });

  it('property: each part is within one fen of its exact share and zero weights get nothing', () => {
    fc.assert(
      fc.property(totals, weights, (total, ws) => {
        const parts = allocate(fen(total), ws);
        const sum = ws.reduce((s, w) => s + w, 0);
        ws.forEach((w, i) => {
          const exact = (total * w) / sum;
          expect(Math.abs((parts[i] as number) - exact)).toBeLessThan(1 + 1e-6);
          if (w === 0) expect(parts[i]).toBe(0);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('property: a larger weight never gets a smaller part (non-negative totals)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), weights, (total, ws) => {
        const parts = allocate(fen(total), ws);
        for (let i = 0; i < ws.length; i++) {
          for (let j = 0; j < ws.length; j++) {
            if ((ws[i] ?? 0) > (ws[j] ?? 0)) expect(parts[i]).toBeGreaterThanOrEqual(parts[j] ?? 0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: deterministic', () => {
    fc.assert(
      fc.property(totals, weights, (total, ws) => {
        expect(allocate(fen(total), ws)).toEqual(allocate(fen(total), ws));
      }),
    );
  });
});
