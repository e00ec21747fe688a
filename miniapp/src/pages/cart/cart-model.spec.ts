import { describe, expect, it } from 'vitest';
import { fen, type SkuLookupItemDto } from '@tidepool/shared';
import {
  appHasPage,
  availabilityText,
  checkoutItems,
  checkoutUrl,
  guestCartView,
  isSelectable,
  selectAllTarget,
  stepperLimits,
  unknownSkuIds,
} from './cart-model';

const sku = (skuId: number, overrides: Partial<SkuLookupItemDto> = {}): SkuLookupItemDto => ({
  skuId,
  productId: skuId * 10,
  categoryId: 1,
  productName: `商品${skuId}`,
  coverUrl: `/static/${skuId}.svg`,
  specs: { 尺寸: '大' },
  priceFen: fen(1000 * skuId),
  stock: 50,
  onSale: true,
  promotionTags: [],
  ...overrides,
});

describe('guestCartView', () => {
  it('prices the local lines with the lookup, newest first, and totals the ticked available ones', () => {
    const view = guestCartView(
      {
        lines: [
          { skuId: 1, quantity: 2 },
          { skuId: 2, quantity: 1 },
          { skuId: 3, quantity: 4 },
          { skuId: 4, quantity: 1 },
          { skuId: 9, quantity: 1 },
        ],
        unselected: [2],
      },
      [sku(1), sku(2), sku(3, { stock: 3 }), sku(4, { onSale: false })],
    );
    expect(view.lines.map((l) => [l.skuId, l.availability, l.selected])).toEqual([
      [4, 'OFF_SHELF', true],
      [3, 'QUANTITY_EXCEEDS_STOCK', true],
      [2, 'AVAILABLE', false],
      [1, 'AVAILABLE', true],
    ]);
    expect(view.lines[3]).toMatchObject({ productName: '商品1', priceFen: 1000, lineTotalFen: 2000, productId: 10 });
    expect(view).toMatchObject({
      totalQuantity: 8,
      selectedQuantity: 2,
      selectedSubtotalFen: 2000,
      allSelected: false,
    });
  });

  it('is an empty view for an empty cart', () => {
    expect(guestCartView({ lines: [] }, [])).toEqual({
      lines: [],
      totalQuantity: 0,
      selectedQuantity: 0,
      selectedSubtotalFen: 0,
      allSelected: false,
    });
  });

  it('finds the lines the lookup no longer knows', () => {
    expect(
      unknownSkuIds(
        {
          lines: [
            { skuId: 1, quantity: 1 },
            { skuId: 7, quantity: 2 },
          ],
        },
        [sku(1)],
      ),
    ).toEqual([7]);
  });
});

describe('line helpers', () => {
  it('names why a line cannot be bought', () => {
    expect(availabilityText({ availability: 'AVAILABLE', stock: 5 })).toBeNull();
    expect(availabilityText({ availability: 'OFF_SHELF', stock: 5 })).toBe('已下架');
    expect(availabilityText({ availability: 'OUT_OF_STOCK', stock: 0 })).toBe('已售罄');
    expect(availabilityText({ availability: 'QUANTITY_EXCEEDS_STOCK', stock: 2 })).toBe('库存不足，仅剩 2 件');
  });

  it('lets the stepper go down to 1 and up to the stock or 99; a line over the stock only goes down', () => {
    expect(stepperLimits({ availability: 'AVAILABLE', stock: 3, quantity: 1 })).toEqual({
      canDecrease: false,
      canIncrease: true,
      max: 3,
    });
    expect(stepperLimits({ availability: 'AVAILABLE', stock: 500, quantity: 99 })).toMatchObject({
      canDecrease: true,
      canIncrease: false,
      max: 99,
    });
    expect(stepperLimits({ availability: 'QUANTITY_EXCEEDS_STOCK', stock: 2, quantity: 5 })).toMatchObject({
      canDecrease: true,
      canIncrease: false,
    });
    expect(stepperLimits({ availability: 'OFF_SHELF', stock: 9, quantity: 5 })).toMatchObject({
      canDecrease: false,
      canIncrease: false,
    });
    expect(isSelectable({ availability: 'OUT_OF_STOCK' })).toBe(false);
    expect(isSelectable({ availability: 'QUANTITY_EXCEEDS_STOCK' })).toBe(true);
  });
});

describe('checkout and select-all', () => {
  const view = guestCartView(
    {
      lines: [
        { skuId: 1, quantity: 1 },
        { skuId: 2, quantity: 1 },
        { skuId: 3, quantity: 1 },
      ],
      unselected: [2],
    },
    [sku(1), sku(2), sku(3, { stock: 0 })],
  );

  it('checks out the ticked available lines only', () => {
    expect(checkoutItems(view).map((i) => i.skuId)).toEqual([1]);
    expect(
      checkoutUrl([
        { skuId: 3, quantity: 2 },
        { skuId: 1, quantity: 1 },
      ]),
    ).toBe('/packages/order/pages/checkout/index?items=3x2,1x1');
  });

  it('knows whether the app has the checkout page (H5 keeps the config on window; weapp has none)', () => {
    const url = checkoutUrl([{ skuId: 1, quantity: 1 }]);
    expect(appHasPage(url, { __taroAppConfig: { pages: ['pages/cart/index'] } })).toBe(false);
    expect(appHasPage(url, { __taroAppConfig: { pages: ['packages/order/pages/checkout/index'] } })).toBe(true);
    expect(appHasPage(url, {})).toBe(true);
  });

  it('select-all ticks every selectable line, then unticks them', () => {
    expect(selectAllTarget(view)).toEqual({ skuIds: [2, 1], selected: true });
    const all = guestCartView({ lines: [{ skuId: 1, quantity: 1 }] }, [sku(1)]);
    expect(selectAllTarget(all)).toEqual({ skuIds: [1], selected: false });
  });
});
