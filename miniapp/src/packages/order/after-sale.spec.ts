import type { AfterSaleLineOption } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { afterSaleApplyUrl, clampPicks, parseId, previewRefund } from './after-sale';

const line = (over: Partial<AfterSaleLineOption>): AfterSaleLineOption => ({
  lineId: 1,
  productName: '香薰',
  specText: '',
  imageUrl: '',
  unitPriceFen: 3400,
  quantity: 3,
  paidFen: 10_000,
  usedQuantity: 0,
  usedFen: 0,
  refundableQuantity: 3,
  ...over,
});

describe('after-sale apply page helpers', () => {
  it('previews the refund the server will make, line by line', () => {
    const lines = [
      line({}),
      line({ lineId: 2, quantity: 2, paidFen: 501, usedQuantity: 1, usedFen: 251, refundableQuantity: 1 }),
    ];
    expect(previewRefund(lines, { 1: 1 })).toBe(3334);
    expect(previewRefund(lines, { 1: 1, 2: 1 })).toBe(3334 + 250);
    expect(previewRefund(lines, {})).toBe(0);
    // More than is left counts for nothing (the stepper never allows it).
    expect(previewRefund(lines, { 2: 2 })).toBe(0);
  });

  it('clamps picks to what is left and drops lines with nothing left', () => {
    const lines = [line({ refundableQuantity: 1 }), line({ lineId: 2, refundableQuantity: 0 })];
    expect(clampPicks(lines, { 1: 3, 2: 1 })).toEqual({ 1: 1 });
  });

  it('reads only positive ids from the route', () => {
    expect(parseId('12')).toBe(12);
    for (const bad of [undefined, '', '0', '-1', '1e3', 'abc', '99999999999']) expect(parseId(bad)).toBeNull();
    expect(afterSaleApplyUrl(7)).toBe('/packages/order/pages/after-sale-apply/index?orderId=7');
  });
});
