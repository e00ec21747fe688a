import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refundableQuantity, refundAmountFor } from './refund-amount';

describe('after-sale refund amount', () => {
  it('gives a unit its largest-remainder share of the line and the last unit the rest', () => {
    const line = { quantity: 3, paidFen: 1001, usedQuantity: 0, usedFen: 0 };
    expect(refundAmountFor(line, 1)).toBe(334);
    expect(refundAmountFor(line, 2)).toBe(668);
    expect(refundAmountFor(line, 3)).toBe(1001);
    expect(refundAmountFor({ ...line, usedQuantity: 1, usedFen: 334 }, 1)).toBe(334);
    expect(refundAmountFor({ ...line, usedQuantity: 2, usedFen: 668 }, 1)).toBe(333);
  });

  it('refuses more units than are left, and zero', () => {
    const line = { quantity: 2, paidFen: 500, usedQuantity: 1, usedFen: 250 };
    expect(refundableQuantity(line)).toBe(1);
    expect(() => refundAmountFor(line, 2)).toThrow(RangeError);
    expect(() => refundAmountFor(line, 0)).toThrow(RangeError);
  });

  it('never gives back more than the line paid, whatever the order of partial applications', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 20 }),
        (quantity, paidFen, asks) => {
          let usedQuantity = 0;
          let usedFen = 0;
          for (const ask of asks) {
            const line = { quantity, paidFen, usedQuantity, usedFen };
            if (ask > refundableQuantity(line)) continue;
            const amount = refundAmountFor(line, ask);
            expect(amount).toBeGreaterThanOrEqual(0);
            // Within one fen per unit of the exact proportional share.
            expect(Math.abs(amount * quantity - paidFen * ask)).toBeLessThanOrEqual(quantity * ask);
            usedQuantity += ask;
            usedFen += amount;
          }
          expect(usedFen).toBeLessThanOrEqual(paidFen);
          if (usedQuantity === quantity) expect(usedFen).toBe(paidFen);
        },
      ),
    );
  });
});
