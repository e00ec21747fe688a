import { beforeEach, describe, expect, it, vi } from 'vitest';

const storage = vi.hoisted(() => new Map<string, string>());
const taro = vi.hoisted(() => ({
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: string) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
}));
vi.mock('@tarojs/taro', () => ({ default: taro, ...taro }));

import { migratePersistedState, STORE_NAME, STORE_VERSION, useAppStore } from './index';
import { selectCartCount, selectMemberCard } from './selectors';

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
    expect(migratePersistedState(null, 3).session.token).toBeNull();
  });

  it('derives the member card', () => {
    expect(selectMemberCard(useAppStore.getState())).toEqual({ signedIn: false, nickname: null, avatarUrl: null });
  });
});
