import type { CartMergeItem, CartMergeResponse, CartView, SkuLookupItemDto } from '@tidepool/shared';
import { http, request } from '../http';
import { memberRequest } from '../session';

/** GET /api/cart: the member's cart with current prices, availability and the ticked lines' subtotal. */
export function getCart(): Promise<CartView> {
  return memberRequest<CartView>('/api/cart');
}

/** POST /api/cart/items (加入购物车): adds units to the SKU's line. 409 STOCK_INSUFFICIENT etc. */
export function addCartItem(skuId: number, quantity = 1): Promise<CartView> {
  return memberRequest<CartView>('/api/cart/items', { method: 'POST', body: { skuId, quantity } });
}

/** PUT /api/cart/items/:skuId: sets the line's quantity (0 removes it), optionally ticks it. */
export function setCartItem(skuId: number, quantity: number, selected?: boolean): Promise<CartView> {
  return memberRequest<CartView>(`/api/cart/items/${skuId}`, {
    method: 'PUT',
    body: selected === undefined ? { quantity } : { quantity, selected },
  });
}

/** DELETE /api/cart/items/:skuId */
export function removeCartItem(skuId: number): Promise<CartView> {
  return memberRequest<CartView>(`/api/cart/items/${skuId}`, { method: 'DELETE' });
}

/** POST /api/cart/select: ticks or unticks lines (全选 sends every line). */
export function selectCartItems(skuIds: number[], selected: boolean): Promise<CartView> {
  return memberRequest<CartView>('/api/cart/select', { method: 'POST', body: { skuIds, selected } });
}

/**
 * POST /api/cart/merge as the member just logged in. Made with the token already held (not memberRequest): it
 * runs inside the login itself, which must not start another login.
 */
export function mergeCart(mergeId: string, items: CartMergeItem[]): Promise<CartMergeResponse> {
  return request<CartMergeResponse>('/api/cart/merge', {
    method: 'POST',
    body: { mergeId, items: items.map(({ skuId, quantity }) => ({ skuId, quantity })) },
    auth: 'member',
  });
}

/** POST /api/catalog/skus/lookup (public): prices and stock for the guest cart; unknown SKUs are left out. */
export async function lookupSkus(skuIds: number[]): Promise<SkuLookupItemDto[]> {
  // The route takes 50 ids at a time.
  const chunks: number[][] = [];
  for (let i = 0; i < skuIds.length; i += 50) chunks.push(skuIds.slice(i, i + 50));
  const answers = await Promise.all(
    chunks.map((ids) => http.post<SkuLookupItemDto[]>('/api/catalog/skus/lookup', { skuIds: ids })),
  );
  return answers.flat();
}
