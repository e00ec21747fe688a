import { fen } from '../../money/fen';
import type { AddOnPromotion, MultiBuyPromotion } from './types';

/** Promotions the pricing specs share: a 2件79折 zone and a ¥1 add-on gift from ¥68 (test data only). */
export function multiBuy(id: string, tag: string, version = 'v1'): MultiBuyPromotion {
  return { kind: 'MULTI_BUY', id, version, tag, groupSize: 2, payRateBp: 7900 };
}

export function addOnGift(overrides: Partial<AddOnPromotion> = {}): AddOnPromotion {
  return {
    kind: 'ADD_ON',
    id: 'mask',
    version: 'v1',
    giftSkuId: 900,
    addOnPriceFen: fen(100),
    thresholdFen: fen(6800),
    maxQuantity: 1,
    ...overrides,
  };
}
