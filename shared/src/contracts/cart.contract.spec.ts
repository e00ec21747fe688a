import { describe, expect, it } from 'vitest';
import { fen } from '../money/fen';
import { cartLineAvailability, type CartLineForTotals, summarizeCart } from './cart.contract';

describe('cartLineAvailability', () => {
  it('names the most serious problem first', () => {
    expect(cartLineAvailability({ onSale: false, stock: 0, quantity: 5 })).toBe('OFF_SHELF');
    expect(cartLineAvailability({ onSale: true, stock: 0, quantity: 1 })).toBe('OUT_OF_STOCK');
    expect(cartLineAvailability({ onSale: true, stock: 2, quantity: 3 })).toBe('QUANTITY_EXCEEDS_STOCK');
    expect(cartLineAvailability({ onSale: true, stock: 3, quantity: 3 })).toBe('AVAILABLE');
  });
});

describe('summarizeCart', () => {
  const line = (priceFen: number, quantity: number, selected = true, availability = 'AVAILABLE' as const) =>
    ({ priceFen: fen(priceFen), quantity, selected, availability }) satisfies CartLineForTotals;

  it('totals the selected available lines only, and counts every unit for the badge', () => {
    const totals = summarizeCart([
      line(3990, 2),
      line(5990, 1, false),
      { ...line(1000, 4), availability: 'OFF_SHELF' },
      { ...line(2000, 3), availability: 'QUANTITY_EXCEEDS_STOCK' },
    ]);
    expect(totals).toEqual({ totalQuantity: 10, selectedQuantity: 2, selectedSubtotalFen: 7980, allSelected: false });
  });

  it('is all selected when every available line is, ignoring unavailable ones', () => {
    expect(summarizeCart([line(100, 1), { ...line(100, 1, false), availability: 'OUT_OF_STOCK' }]).allSelected).toBe(
      true,
    );
    expect(summarizeCart([]).allSelected).toBe(false);
    expect(summarizeCart([{ ...line(100, 1), availability: 'OFF_SHELF' }]).allSelected).toBe(false);
  });
});
