import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/**
 * The guest cart: only SKU ids and quantities are kept; names, prices and stock are fetched from the server
 * (POST /api/catalog/skus/lookup) when the cart page shows, never stored here.
 */
export interface CartLine {
  skuId: number;
  quantity: number;
}

export interface CartSlice {
  cart: { lines: CartLine[] };
  addToCart: (skuId: number, quantity?: number) => void;
  setCartQuantity: (skuId: number, quantity: number) => void;
  removeFromCart: (skuId: number) => void;
  clearCart: () => void;
}

export const MAX_LINE_QUANTITY = 99;

const clampQuantity = (quantity: number) => Math.max(0, Math.min(MAX_LINE_QUANTITY, Math.floor(quantity)));

export const createCartSlice: StateCreator<AppState, [], [], CartSlice> = (set) => ({
  cart: { lines: [] },
  addToCart: (skuId, quantity = 1) =>
    set((state) => {
      const existing = state.cart.lines.find((line) => line.skuId === skuId);
      const lines = existing
        ? state.cart.lines.map((line) =>
            line.skuId === skuId ? { ...line, quantity: clampQuantity(line.quantity + quantity) } : line,
          )
        : [...state.cart.lines, { skuId, quantity: clampQuantity(quantity) }];
      return { cart: { lines: lines.filter((line) => line.quantity > 0) } };
    }),
  setCartQuantity: (skuId, quantity) =>
    set((state) => ({
      cart: {
        lines: state.cart.lines
          .map((line) => (line.skuId === skuId ? { ...line, quantity: clampQuantity(quantity) } : line))
          .filter((line) => line.quantity > 0),
      },
    })),
  removeFromCart: (skuId) =>
    set((state) => ({ cart: { lines: state.cart.lines.filter((line) => line.skuId !== skuId) } })),
  clearCart: () => set({ cart: { lines: [] } }),
});
