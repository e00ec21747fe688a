import {
  CART_MAX_QUANTITY,
  cartLineAvailability,
  type CartLineDto,
  type CartView,
  fen,
  type SkuLookupItemDto,
  summarizeCart,
} from '@tidepool/shared';
import type { GuestCart } from '@/stores/cart.slice';

/** The checkout page (another subpackage); the ticked, available SKUs go in the query. */
export const CHECKOUT_PAGE = '/packages/order/pages/checkout/index';

/**
 * The guest cart as the same view a member gets from GET /api/cart: lines newest first, current prices and
 * stock from the SKU lookup, availability and totals by the shared rules. Lines the lookup no longer knows are
 * left out (the caller prunes them from the store).
 */
export function guestCartView(cart: GuestCart, lookup: readonly SkuLookupItemDto[]): CartView {
  const byId = new Map(lookup.map((item) => [item.skuId, item]));
  const unselected = new Set(cart.unselected ?? []);
  const lines = [...cart.lines].reverse().flatMap((line): CartLineDto[] => {
    const sku = byId.get(line.skuId);
    if (!sku) return [];
    return [
      {
        skuId: sku.skuId,
        productId: sku.productId,
        categoryId: sku.categoryId,
        productName: sku.productName,
        coverUrl: sku.coverUrl,
        specs: sku.specs,
        priceFen: sku.priceFen,
        quantity: line.quantity,
        lineTotalFen: fen(sku.priceFen * line.quantity),
        stock: sku.stock,
        promotionTags: sku.promotionTags ?? [],
        selected: !unselected.has(line.skuId),
        availability: cartLineAvailability({ onSale: sku.onSale, stock: sku.stock, quantity: line.quantity }),
      },
    ];
  });
  return { lines, ...summarizeCart(lines) };
}

/** Why a line cannot be checked out, as the shopper reads it; null when it can. */
export function availabilityText(line: Pick<CartLineDto, 'availability' | 'stock'>): string | null {
  switch (line.availability) {
    case 'AVAILABLE':
      return null;
    case 'OFF_SHELF':
      return '已下架';
    case 'OUT_OF_STOCK':
      return '已售罄';
    case 'QUANTITY_EXCEEDS_STOCK':
      return `库存不足，仅剩 ${line.stock} 件`;
  }
}

/** What the quantity stepper allows: a line that exceeds the stock may only go down. */
export function stepperLimits(line: Pick<CartLineDto, 'availability' | 'stock' | 'quantity'>): {
  canDecrease: boolean;
  canIncrease: boolean;
  max: number;
} {
  const sellable = line.availability === 'AVAILABLE' || line.availability === 'QUANTITY_EXCEEDS_STOCK';
  const max = Math.max(1, Math.min(CART_MAX_QUANTITY, line.stock));
  return {
    canDecrease: sellable && line.quantity > 1,
    canIncrease: line.availability === 'AVAILABLE' && line.quantity < max,
    max,
  };
}

/** Can the line be ticked for checkout? Off-shelf and sold-out lines cannot. */
export function isSelectable(line: Pick<CartLineDto, 'availability'>): boolean {
  return line.availability === 'AVAILABLE' || line.availability === 'QUANTITY_EXCEEDS_STOCK';
}

/** The ticked lines that 去结算 takes: selected and AVAILABLE, with their quantities. */
export function checkoutItems(view: CartView): { skuId: number; quantity: number }[] {
  return view.lines
    .filter((l) => l.selected && l.availability === 'AVAILABLE')
    .map((l) => ({ skuId: l.skuId, quantity: l.quantity }));
}

/** The checkout page's `items=<skuId>x<qty>,…` query (the same format 立即购买 uses). */
export function checkoutUrl(items: readonly { skuId: number; quantity: number }[]): string {
  return `${CHECKOUT_PAGE}?items=${items.map((i) => `${i.skuId}x${i.quantity}`).join(',')}`;
}

/**
 * Whether the app was built with the page. The H5 router "navigates" to a page it does not have (a blank page,
 * no error), so H5 asks the app config Taro keeps on `window`; where there is none (weapp), true, and navigateTo
 * itself fails for a missing page.
 */
export function appHasPage(url: string, host: unknown = globalThis): boolean {
  const pages = (host as { __taroAppConfig?: { pages?: unknown } } | undefined)?.__taroAppConfig?.pages;
  if (!Array.isArray(pages)) return true;
  return pages.includes(url.replace(/^\//, '').split('?')[0]);
}

/** 全选 toggles every selectable line to the opposite of "all selected". */
export function selectAllTarget(view: CartView): { skuIds: number[]; selected: boolean } {
  return { skuIds: view.lines.filter(isSelectable).map((l) => l.skuId), selected: !view.allSelected };
}

/** Lines the guest cart keeps that the lookup no longer knows (deleted SKUs). */
export function unknownSkuIds(cart: GuestCart, lookup: readonly SkuLookupItemDto[]): number[] {
  const known = new Set(lookup.map((item) => item.skuId));
  return cart.lines.filter((line) => !known.has(line.skuId)).map((line) => line.skuId);
}
