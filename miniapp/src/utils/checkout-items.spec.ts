import { describe, expect, it } from 'vitest';
import { CHECKOUT_LIMITS, formatCheckoutItems, parseCheckoutItems } from './checkout-items';

describe('checkout items query', () => {
  it('reads <skuId>x<qty> pairs in order', () => {
    expect(parseCheckoutItems('12x1,15x2')).toEqual([
      { skuId: 12, quantity: 1 },
      { skuId: 15, quantity: 2 },
    ]);
    expect(parseCheckoutItems('7x99')).toEqual([{ skuId: 7, quantity: 99 }]);
  });

  it('round-trips with formatCheckoutItems, as the cart and 立即购买 build it', () => {
    const lines = [
      { skuId: 3, quantity: 4 },
      { skuId: 2_147_483_647, quantity: 1 },
    ];
    expect(formatCheckoutItems(lines)).toBe('3x4,2147483647x1');
    expect(parseCheckoutItems(formatCheckoutItems(lines))).toEqual(lines);
  });

  it('accepts a URL-encoded value, spaces, an upper-case X and a trailing comma', () => {
    expect(parseCheckoutItems('12x1%2C15x2')).toEqual([
      { skuId: 12, quantity: 1 },
      { skuId: 15, quantity: 2 },
    ]);
    expect(parseCheckoutItems(' 12X1 , 15x2, ')).toEqual([
      { skuId: 12, quantity: 1 },
      { skuId: 15, quantity: 2 },
    ]);
  });

  it('merges a SKU named twice, as the server does', () => {
    expect(parseCheckoutItems('5x2,6x1,5x3')).toEqual([
      { skuId: 5, quantity: 5 },
      { skuId: 6, quantity: 1 },
    ]);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['only commas', ',,'],
    ['no quantity', '12'],
    ['zero quantity', '12x0'],
    ['zero sku', '0x1'],
    ['negative', '-3x1'],
    ['decimal quantity', '12x1.5'],
    ['another separator', '12:1'],
    ['more than 99 of one SKU', '12x100'],
    ['more than 99 after merging', '12x60,12x40'],
    ['sku id beyond the server range', '2147483648x1'],
    ['garbage after a good pair', '12x1,abc'],
    ['broken percent-encoding', '12x1%E0%A4%A'],
  ])('refuses %s', (_name, raw) => {
    expect(parseCheckoutItems(raw)).toBeNull();
  });

  it(`refuses more than ${CHECKOUT_LIMITS.maxLines} different SKUs`, () => {
    const many = Array.from({ length: CHECKOUT_LIMITS.maxLines + 1 }, (_, i) => `${i + 1}x1`).join(',');
    expect(parseCheckoutItems(many)).toBeNull();
    const enough = Array.from({ length: CHECKOUT_LIMITS.maxLines }, (_, i) => `${i + 1}x1`).join(',');
    expect(parseCheckoutItems(enough)).toHaveLength(CHECKOUT_LIMITS.maxLines);
  });
});
