import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createCartSlice, type CartSlice } from './cart.slice';
import { createCatalogUiSlice, type CatalogUiSlice } from './catalog-ui.slice';
import { createSessionSlice, EMPTY_SESSION, type SessionSlice, type SessionState } from './session.slice';
import { taroStorage } from './taro-storage';

export type AppState = CartSlice & SessionSlice & CatalogUiSlice;

/** What is persisted: the session and the cart only. */
export type PersistedState = Pick<AppState, 'cart' | 'session'>;

export const STORE_NAME = 'tidepool-store';
export const STORE_VERSION = 2;

/** A persisted session is kept only when it has the current shape (a token string per login). */
function readSession(value: unknown): SessionState {
  if (!value || typeof value !== 'object') return EMPTY_SESSION;
  const read = (entry: unknown) =>
    entry && typeof entry === 'object' && typeof (entry as { token?: unknown }).token === 'string'
      ? (entry as SessionState['member'])
      : null;
  const session = value as Partial<Record<keyof SessionState, unknown>>;
  return { member: read(session.member), staff: read(session.staff) };
}

/** Upgrades a persisted snapshot from an older version; unknown shapes fall back to empty state. */
export function migratePersistedState(persisted: unknown, version: number): PersistedState {
  const empty: PersistedState = { cart: { lines: [] }, session: EMPTY_SESSION };
  if (!persisted || typeof persisted !== 'object') return empty;
  const snapshot = persisted as Partial<Record<keyof PersistedState, unknown>>;
  const cart =
    snapshot.cart && typeof snapshot.cart === 'object' ? (snapshot.cart as PersistedState['cart']) : empty.cart;
  switch (version) {
    case 0:
      // v0 had no persisted shape worth keeping.
      return empty;
    case 1:
      // v1's session was a placeholder ({ token, nickname, avatarUrl }, never filled in); keep the cart.
      return { cart, session: EMPTY_SESSION };
    default:
      return { cart, session: readSession(snapshot.session) };
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
