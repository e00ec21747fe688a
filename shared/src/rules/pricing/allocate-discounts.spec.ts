import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen, MoneyError } from '../../money/fen';
import { allocateOrderDiscounts, allocateToLines, type OrderDiscountRequest } from './allocate-discounts';

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
const request = (amountFen: number, scope: number[]): OrderDiscountRequest => ({ amountFen: fen(amountFen), scope });
const placed = (shares: number[][]) => shares.map(sum);

describe('allocateToLines', () => {
  it('splits over the scope by largest remainder (ties to the earlier line), zero elsewhere', () => {
    expect(allocateToLines(fen(800), [0, 2], [5990, 100, 1990].map(fen))).toEqual([601, 0, 199]);
    expect(allocateToLines(fen(100), [0, 1, 2], [100, 100, 100].map(fen))).toEqual([34, 33, 33]);
  });

  it('refuses to push lines below zero', () => {
    expect(() => allocateToLines(fen(101), [0], [fen(100)])).toThrow(MoneyError);
  });
});

describe('allocateOrderDiscounts', () => {
  it('spreads in proportion when the lines can absorb everything', () => {
    expect(allocateOrderDiscounts([request(800, [0, 1, 2])], [5990, 3990, 1990].map(fen))).toEqual([[400, 267, 133]]);
  });

  it('moves an earlier share to make room for a narrower discount', () => {
    // ¥100 over ¥10 + ¥100 leaves ¥0.09 of the ¥10 line; the ¥10 discount on that line needs all of it.
    const shares = allocateOrderDiscounts([request(10000, [0, 1]), request(1000, [0])], [1000, 10000].map(fen));
    expect(shares).toEqual([
      [0, 10000],
      [1000, 0],
    ]);
  });

  it('serves earlier discounts first when the lines run out', () => {
    const shares = allocateOrderDiscounts([request(600, [0, 1]), request(600, [1])], [500, 500].map(fen));
    expect(placed(shares)).toEqual([600, 400]);
  });

  const caseArb = fc.integer({ min: 1, max: 5 }).chain((lineCount) =>
    fc.record({
      lines: fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 5000 })), {
        minLength: lineCount,
        maxLength: lineCount,
      }),
      requests: fc.array(
        fc.record({
          amountFen: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 8000 })),
          scope: fc.subarray(Array.from({ length: lineCount }, (_, i) => i)),
        }),
        { maxLength: 5 },
      ),
    }),
  );
  const run = (c: { lines: number[]; requests: { amountFen: number; scope: number[] }[] }) =>
    allocateOrderDiscounts(
      c.requests.map((r) => request(r.amountFen, r.scope)),
      c.lines.map(fen),
    );

  it('property: never over-places a discount, never takes a line below zero, stays in scope', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const shares = run(c);
        c.requests.forEach((r, k) => {
          expect(sum(shares[k])).toBeLessThanOrEqual(r.amountFen);
          shares[k].forEach((share, i) => {
            expect(share).toBeGreaterThanOrEqual(0);
            if (!r.scope.includes(i)) expect(share).toBe(0);
          });
        });
        c.lines.forEach((amount, i) => expect(sum(shares.map((row) => row[i]))).toBeLessThanOrEqual(amount));
      }),
      { numRuns: 1000 },
    );
  });

  it('property: places the most any allocation could (the minimum cut)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        let minCut = Infinity;
        for (let mask = 0; mask < 1 << c.requests.length; mask++) {
          const inside = c.requests.filter((_, k) => mask & (1 << k));
          const outside = c.requests.filter((_, k) => !(mask & (1 << k)));
          const reached = new Set(inside.flatMap((r) => r.scope));
          minCut = Math.min(minCut, sum(outside.map((r) => r.amountFen)) + sum([...reached].map((i) => c.lines[i])));
        }
        expect(sum(placed(run(c)))).toBe(minCut);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a later discount never takes anything from an earlier one', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, cut) => {
        const prefix = { ...c, requests: c.requests.slice(0, cut % (c.requests.length + 1)) };
        expect(placed(run(c)).slice(0, prefix.requests.length)).toEqual(placed(run(prefix)));
      }),
      { numRuns: 1000 },
    );
  });
});
