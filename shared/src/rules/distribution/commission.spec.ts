import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateRefund, lineCommission, orderCommissions, reversedCommission, validRates } from './commission';
import { maskName, maskOrderNo } from './mask';

const paid = fc.integer({ min: 0, max: 5_000_000 });
const rate = fc.integer({ min: 0, max: 5_000 });

describe('commission arithmetic', () => {
  it('10% of 99.99 yuan is 9.99 yuan (rounded down)', () => {
    expect(lineCommission(9_999, 1_000)).toBe(999);
    expect(lineCommission(9_999, 300)).toBe(299);
    expect(
      orderCommissions([
        { paidFen: 1, rateBp: 1_000 },
        { paidFen: 10_000, rateBp: 1_000 },
      ]),
    ).toEqual([0, 1_000]);
  });

  it('line commissions never exceed rate × paid and miss it by less than one fen', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ paidFen: paid, rateBp: rate }), { maxLength: 20 }), (lines) => {
        const c = orderCommissions(lines);
        lines.forEach((l, i) => {
          expect(c[i] * 10_000).toBeLessThanOrEqual(l.paidFen * l.rateBp);
          expect((c[i] + 1) * 10_000).toBeGreaterThan(l.paidFen * l.rateBp);
          expect(c[i]).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });

  it('two levels together never exceed 50% of the paid amount', () => {
    fc.assert(
      fc.property(paid, rate, rate, (p, r1, r2) => {
        fc.pre(validRates({ rateBp: r1, secondRateBp: r2 }));
        expect(lineCommission(p, r1) + lineCommission(p, r2)).toBeLessThanOrEqual(Math.floor(p / 2));
      }),
    );
    expect(validRates({ rateBp: 1_000, secondRateBp: 300 })).toBe(true);
    expect(validRates({ rateBp: 4_000, secondRateBp: 1_001 })).toBe(false);
    expect(validRates({ rateBp: -1, secondRateBp: 0 })).toBe(false);
    expect(validRates({ rateBp: 10.5, secondRateBp: 0 })).toBe(false);
  });

  it('a partial refund reverses in proportion; the steps add up to the whole commission on a full refund', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        rate,
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 6 }),
        (p, r, steps) => {
          const c = lineCommission(p, r);
          let refunded = 0;
          let reversed = 0;
          for (const step of steps) {
            const next = Math.min(p, refunded + step);
            const delta = reversedCommission(c, p, next) - reversedCommission(c, p, refunded);
            expect(delta).toBeGreaterThanOrEqual(0);
            reversed += delta;
            refunded = next;
            // In proportion: what the promoter keeps is at most the rate on what was not refunded…
            expect((c - reversed) * p).toBeLessThanOrEqual(c * (p - refunded));
            // …and less than one fen below the exact proportional share.
            expect((c - reversed + 1) * p).toBeGreaterThan(c * (p - refunded));
          }
          expect(reversedCommission(c, p, p)).toBe(c);
          expect(reversed).toBe(refunded === p ? c : reversedCommission(c, p, refunded));
        },
      ),
    );
  });

  it('an order-level refund is spread over the lines by largest remainder, exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (remaining, share) => {
          const total = remaining.reduce((s, r) => s + r, 0);
          fc.pre(total > 0);
          const refund = Math.floor(total * share);
          const parts = allocateRefund(refund, remaining);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(refund);
          parts.forEach((part, i) => {
            expect(part).toBeGreaterThanOrEqual(0);
            expect(part).toBeLessThanOrEqual(remaining[i]);
            // Largest remainder: each part within one fen of its exact share.
            expect(Math.abs(part * total - refund * remaining[i])).toBeLessThan(total);
          });
        },
      ),
    );
    expect(allocateRefund(100, [100, 100, 100])).toEqual([34, 33, 33]);
    expect(() => allocateRefund(10, [3, 3])).toThrow(RangeError);
  });

  it('masks buyers and order numbers', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('Li')).toBe('L*');
    expect(maskName('')).toBe('');
    expect(maskOrderNo('TP202611250001')).toBe('TP20****0001');
  });
});
