import type { CheckoutLineInput } from '@tidepool/shared';

/**
 * The checkout page's `items` query: `<skuId>x<qty>` pairs joined by commas, e.g. `items=12x1,15x2`. The product
 * page (立即购买) and the cart (去结算) both open checkout with it; this file is the one definition of the format.
 */

/** The server's limits for one checkout (CheckoutQuoteDto / CreateOrderDto). */
export const CHECKOUT_LIMITS = { maxLines: 50, maxQuantity: 99 } as const;

const PAIR = /^(\d{1,10})[xX](\d{1,3})$/;

/** `[{skuId: 12, quantity: 1}, {skuId: 15, quantity: 2}]` → "12x1,15x2". */
export function formatCheckoutItems(lines: readonly CheckoutLineInput[]): string {
  return lines.map((line) => `${line.skuId}x${line.quantity}`).join(',');
}

/**
 * Reads the `items` query back; null when it is missing or malformed in any part (a page opened with a broken
 * link shows an error rather than a different basket). Tolerates a URL-encoded value, spaces and an empty segment
 * (a trailing comma); merges a SKU named twice, as the server does.
 */
export function parseCheckoutItems(raw: string | null | undefined): CheckoutLineInput[] | null {
  if (!raw) return null;
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const quantities = new Map<number, number>();
  for (const segment of text.split(',')) {
    const pair = segment.trim();
    if (pair === '') continue;
    const match = PAIR.exec(pair);
    if (!match) return null;
    const skuId = Number(match[1]);
    const quantity = Number(match[2]);
    if (!Number.isSafeInteger(skuId) || skuId < 1 || skuId > 2_147_483_647) return null;
    if (quantity < 1) return null;
    const total = (quantities.get(skuId) ?? 0) + quantity;
    if (total > CHECKOUT_LIMITS.maxQuantity) return null;
    quantities.set(skuId, total);
  }
  if (quantities.size === 0 || quantities.size > CHECKOUT_LIMITS.maxLines) return null;
  return [...quantities].map(([skuId, quantity]) => ({ skuId, quantity }));
}
