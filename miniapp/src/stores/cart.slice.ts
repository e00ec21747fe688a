import { CART_MAX_QUANTITY } from '@tidepool/shared';
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/**
 * The guest cart: only SKU ids and quantities are kept; names, prices and stock are fetched from the server
 * (POST /api/catalog/skus/lookup) when the cart page shows, never stored here. A member's cart lives on the
 * server; at member login the guest cart is merged into it once (services/cart-sync.ts) and cleared here.
 */
export interface CartLine {
  skuId: number;
  quantity: number;
}

export interface GuestCart {
  lines: CartLine[];
  /** SKUs the guest unticked (勾选 is on by default, so only the exceptions are kept). */
  unselected?: number[];
  /**
   * The merge into the member's cart once one has started: the same id and the same lines are sent again on a
   * retry, so a merge whose answer was lost is not applied twice. Cleared when the merge succeeds.
   */
  merging?: PendingMerge | null;
}

export interface PendingMerge {
  mergeId: string;
  lines: CartLine[];
}

export interface CartSlice {
  cart: GuestCart;
  /** Units in the member's server cart, for the tab badge (not persisted: read from the server). */
  memberCartCount: number;
  addToCart: (skuId: number, quantity?: number) => void;
  setCartQuantity: (skuId: number, quantity: number) => void;
  removeFromCart: (skuId: number) => void;
  setCartSelected: (skuIds: number[], selected: boolean) => void;
  clearCart: () => void;
  /** The merge under way, or a new one of the current lines. */
  beginCartMerge: () => PendingMerge;
  /** After a successful merge: takes the merged units out of the guest cart; lines added meanwhile stay. */
  finishCartMerge: () => void;
  setMemberCartCount: (count: number) => void;
}

export const MAX_LINE_QUANTITY = CART_MAX_QUANTITY;

const clampQuantity = (quantity: number) => Math.max(0, Math.min(MAX_LINE_QUANTITY, Math.floor(quantity)));

export function newMergeId(): string {
  let id = 'g';
  while (id.length < 24) id += Math.random().toString(36).slice(2);
  return id.slice(0, 24);
}

export const createCartSlice: StateCreator<AppState, [], [], CartSlice> = (set, get) => ({
  cart: { lines: [] },
  memberCartCount: 0,
  addToCart: (skuId, quantity = 1) =>
    set((state) => {
      const existing = state.cart.lines.find((line) => line.skuId === skuId);
      const lines = existing
        ? state.cart.lines.map((line) =>
            line.skuId === skuId ? { ...line, quantity: clampQuantity(line.quantity + quantity) } : line,
          )
        : [...state.cart.lines, { skuId, quantity: clampQuantity(quantity) }];
      const unselected = (state.cart.unselected ?? []).filter((id) => id !== skuId);
      return { cart: { ...state.cart, lines: lines.filter((line) => line.quantity > 0), unselected } };
    }),
  setCartQuantity: (skuId, quantity) =>
    set((state) => ({
      cart: {
        ...state.cart,
        lines: state.cart.lines
          .map((line) => (line.skuId === skuId ? { ...line, quantity: clampQuantity(quantity) } : line))
          .filter((line) => line.quantity > 0),
      },
    })),
  removeFromCart: (skuId) =>
    set((state) => ({
      cart: {
        ...state.cart,
        lines: state.cart.lines.filter((line) => line.skuId !== skuId),
        unselected: (state.cart.unselected ?? []).filter((id) => id !== skuId),
      },
    })),
  setCartSelected: (skuIds, selected) =>
    set((state) => {
      const others = (state.cart.unselected ?? []).filter((id) => !skuIds.includes(id));
      return { cart: { ...state.cart, unselected: selected ? others : [...others, ...skuIds] } };
    }),
  clearCart: () => set({ cart: { lines: [] } }),
  beginCartMerge: () => {
    const current = get().cart.merging;
    if (current) return current;
    const merging: PendingMerge = { mergeId: newMergeId(), lines: get().cart.lines.map((line) => ({ ...line })) };
    set((state) => ({ cart: { ...state.cart, merging } }));
    return merging;
  },
  finishCartMerge: () =>
    set((state) => {
      const sent = new Map((state.cart.merging?.lines ?? []).map((line) => [line.skuId, line.quantity]));
      // Units added after the merge was sent stay for the next one.
      const lines = state.cart.lines
        .map((line) => ({ ...line, quantity: line.quantity - (sent.get(line.skuId) ?? 0) }))
        .filter((line) => line.quantity > 0);
      return { cart: { lines, unselected: [], merging: null } };
    }),
  setMemberCartCount: (count) => set({ memberCartCount: Math.max(0, Math.floor(count)) }),
});

/** The tab badge: the member's server cart when logged in, else the guest cart on the phone. */
export const selectCartBadgeCount = (state: AppState): number =>
  state.session.member ? state.memberCartCount : state.cart.lines.reduce((sum, line) => sum + line.quantity, 0);
