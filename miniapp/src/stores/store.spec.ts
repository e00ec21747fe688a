import { beforeEach, describe, expect, it, vi } from 'vitest';

const storage = vi.hoisted(() => new Map<string, string>());
const taro = vi.hoisted(() => ({
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: string) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
}));
vi.mock('@tarojs/taro', () => ({ default: taro, ...taro }));

import { migratePersistedState, STORE_NAME, STORE_VERSION, useAppStore } from './index';
import { selectCartCount, selectIsMemberLoggedIn, selectStaffSession } from './selectors';

describe('app store', () => {
  beforeEach(() => {
    useAppStore.getState().clearCart();
    useAppStore.getState().selectCategory(null);
  });

  it('adds, merges, clamps and removes cart lines', () => {
    const { addToCart, setCartQuantity, removeFromCart } = useAppStore.getState();
    addToCart(11);
    addToCart(11, 2);
    addToCart(12, 500);
    expect(useAppStore.getState().cart.lines).toEqual([
      { skuId: 11, quantity: 3 },
      { skuId: 12, quantity: 99 },
    ]);
    expect(selectCartCount(useAppStore.getState())).toBe(102);
    setCartQuantity(11, 0);
    removeFromCart(12);
    expect(useAppStore.getState().cart.lines).toEqual([]);
  });

  it('persists only the cart and session, with a version', () => {
    useAppStore.getState().addToCart(5);
    useAppStore.getState().selectCategory(2);
    const saved = JSON.parse(storage.get(STORE_NAME) ?? '{}') as { state: Record<string, unknown>; version: number };
    expect(saved.version).toBe(STORE_VERSION);
    expect(Object.keys(saved.state).sort()).toEqual(['cart', 'session']);
  });

  it('migrates old or garbage snapshots to a valid shape', () => {
    expect(migratePersistedState({ anything: 1 }, 0).cart.lines).toEqual([]);
    expect(migratePersistedState(null, 3).session).toEqual({ member: null, staff: null });
    // v1 had a placeholder session; the cart survives.
    const v1 = {
      cart: { lines: [{ skuId: 3, quantity: 2 }] },
      session: { token: null, nickname: null, avatarUrl: null },
    };
    expect(migratePersistedState(v1, 1)).toEqual({ cart: v1.cart, session: { member: null, staff: null } });
    // A malformed login is dropped, a valid one kept.
    const staff = { token: 't', role: 'cashier', storeId: 1, displayName: '收银员' };
    expect(migratePersistedState({ session: { member: { token: 5 }, staff } }, 2).session).toEqual({
      member: null,
      staff,
    });
  });

  it('keeps the member and staff logins apart, persisted', () => {
    const { setSession, signOut } = useAppStore.getState();
    setSession('member', { token: 'm', role: 'member', storeId: null, displayName: null });
    setSession('staff', { token: 's', role: 'cashier', storeId: 1, displayName: '收银员 小林' });
    expect(selectIsMemberLoggedIn(useAppStore.getState())).toBe(true);
    expect(selectStaffSession(useAppStore.getState())?.storeId).toBe(1);
    const saved = JSON.parse(storage.get(STORE_NAME) ?? '{}') as { state: { session: unknown } };
    expect(saved.state.session).toEqual(useAppStore.getState().session);
    signOut('staff');
    expect(useAppStore.getState().session.staff).toBeNull();
    expect(useAppStore.getState().session.member?.token).toBe('m');
    signOut('member');
    expect(selectIsMemberLoggedIn(useAppStore.getState())).toBe(false);
  });
});
