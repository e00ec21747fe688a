import { type Fen, fen } from '../money/fen';

/**
 * The cart. A member's cart is kept on the server (one line per SKU); a guest's lives on the phone and is merged
 * into the server cart at login (POST /api/cart/merge). Prices here are the plain SKU prices: member day,
 * promotions and coupons are applied by the pricing engine at checkout.
 */

/** Most units of one SKU in a cart line. */
export const CART_MAX_QUANTITY = 99;
/** Most lines (distinct SKUs) in one cart. */
export const CART_MAX_LINES = 100;

/**
 * Whether a line can be checked out now, the most serious problem first: the product is off the shelf, the SKU
 * has no stock, or it has fewer units than the line asks for. Only AVAILABLE lines count towards the totals.
 */
export const CART_LINE_AVAILABILITIES = ['AVAILABLE', 'OFF_SHELF', 'OUT_OF_STOCK', 'QUANTITY_EXCEEDS_STOCK'] as const;
export type CartLineAvailability = (typeof CART_LINE_AVAILABILITIES)[number];

export function cartLineAvailability(line: { onSale: boolean; stock: number; quantity: number }): CartLineAvailability {
  if (!line.onSale) return 'OFF_SHELF';
  if (line.stock <= 0) return 'OUT_OF_STOCK';
  if (line.quantity > line.stock) return 'QUANTITY_EXCEEDS_STOCK';
  return 'AVAILABLE';
}

export interface CartLineDto {
  skuId: number;
  productId: number;
  categoryId: number;
  productName: string;
  coverUrl: string;
  specs: Record<string, string>;
  /** The SKU's current price (not the price when it was added). */
  priceFen: Fen;
  quantity: number;
  /** priceFen × quantity. */
  lineTotalFen: Fen;
  /** Units in stock now. */
  stock: number;
  /** Tags for item promotions of the pricing engine (e.g. `zone-2for79`). */
  promotionTags: string[];
  selected: boolean;
  availability: CartLineAvailability;
}

/** GET /api/cart, and the answer of every cart write. Lines newest first. */
export interface CartView {
  lines: CartLineDto[];
  /** Units over every line (the tab badge). */
  totalQuantity: number;
  /** Units over the selected AVAILABLE lines: what 去结算 takes. */
  selectedQuantity: number;
  /** Plain subtotal of the selected AVAILABLE lines, before member day, promotions and coupons. */
  selectedSubtotalFen: Fen;
  /** Every AVAILABLE line is selected (and there is at least one). */
  allSelected: boolean;
}

/** What a line needs for the totals. */
export type CartLineForTotals = Pick<CartLineDto, 'quantity' | 'priceFen' | 'selected' | 'availability'>;

/** The totals of a cart: one function for the server's answer and the guest cart the phone computes itself. */
export function summarizeCart(lines: readonly CartLineForTotals[]): Omit<CartView, 'lines'> {
  let totalQuantity = 0;
  let selectedQuantity = 0;
  let selectedSubtotal = 0;
  let available = 0;
  let availableSelected = 0;
  for (const line of lines) {
    totalQuantity += line.quantity;
    if (line.availability !== 'AVAILABLE') continue;
    available += 1;
    if (!line.selected) continue;
    availableSelected += 1;
    selectedQuantity += line.quantity;
    selectedSubtotal += line.priceFen * line.quantity;
  }
  return {
    totalQuantity,
    selectedQuantity,
    selectedSubtotalFen: fen(selectedSubtotal),
    allSelected: available > 0 && availableSelected === available,
  };
}

/** PUT /api/cart/items/:skuId — sets the line's quantity (0 removes it), creating the line when missing. */
export interface CartItemPutRequest {
  quantity: number;
  selected?: boolean;
}

/**
 * POST /api/cart/items — adds `quantity` units (加入购物车): the line is created or its quantity raised, capped
 * at CART_MAX_QUANTITY; more than the stock is refused with STOCK_INSUFFICIENT.
 */
export interface CartItemAddRequest {
  skuId: number;
  quantity: number;
}

/** POST /api/cart/select */
export interface CartSelectRequest {
  skuIds: number[];
  selected: boolean;
}

export interface CartMergeItem {
  skuId: number;
  quantity: number;
}

/**
 * POST /api/cart/merge — the guest cart at login. Quantities add to the member's lines, capped at
 * CART_MAX_QUANTITY and at the stock. `mergeId` is made once per guest cart and sent again on a retry: a merge
 * already applied is not applied twice (the same id with other items is CART_MERGE_CONFLICT).
 */
export interface CartMergeRequest {
  mergeId: string;
  items: CartMergeItem[];
}

export const CART_MERGE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Why a guest line did not make it into the member's cart. */
export type CartMergeSkipReason = 'NOT_FOUND' | 'OFF_SHELF' | 'OUT_OF_STOCK' | 'CART_FULL';

export interface CartMergeResponse extends CartView {
  /** True when this mergeId had been applied before (a retry): nothing changed this time. */
  alreadyMerged: boolean;
  skipped: { skuId: number; reason: CartMergeSkipReason }[];
}
