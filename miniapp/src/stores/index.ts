import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createCartSlice, type CartSlice } from './cart.slice';
import { createCatalogUiSlice, type CatalogUiSlice } from './catalog-ui.slice';
import { createSessionSlice, type SessionSlice } from './session.slice';
import { taroStorage } from './taro-storage';

export type AppState = CartSlice & SessionSlice & CatalogUiSlice;

/** What is persisted: the session and the cart only. */
export type PersistedState = Pick<AppState, 'cart' | 'session'>;

export const STORE_NAME = 'tidepool-store';
export const STORE_VERSION = 1;

/** Upgrades a persisted snapshot from an older version; unknown shapes fall back to empty state. */
export function migratePersistedState(persisted: unknown, version: number): PersistedState {
  const empty: PersistedState = {
    cart: { lines: [] },
    session: { token: null, nickname: null, avatarUrl: null },
  };
  if (!persisted || typeof persisted !== 'object') return empty;
  switch (version) {
    case 0:
      // v0 had no persisted shape worth keeping.
      return empty;
    default:
      return { ...empty, ...(persisted as Partial<PersistedState>) };
  }
}

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createCartSlice(...a),
      ...createSessionSlice(...a),
      ...createCatalogUiSlice(...a),
    }),
    {
      name: STORE_NAME,
      version: STORE_VERSION,
      storage: createJSONStorage(() => taroStorage),
      partialize: (state): PersistedState => ({ cart: state.cart, session: state.session }),
      migrate: migratePersistedState,
    },
  ),
);
