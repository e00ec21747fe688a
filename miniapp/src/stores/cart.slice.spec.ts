import { beforeEach, describe, expect, it, vi } from 'vitest';

const storage = vi.hoisted(() => new Map<string, string>());
const taro = vi.hoisted(() => ({
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: string) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
}));
vi.mock('@tarojs/taro', () => ({ default: taro, ...taro }));

import { STORE_NAME, useAppStore } from './index';
import { selectCartBadgeCount } from './cart.slice';

const state = () => useAppStore.getState();

describe('guest cart slice', () => {
  beforeEach(() => {
    state().clearCart();
    state().signOut('member');
    state().setMemberCartCount(0);
  });

  it('keeps lines ticked unless unticked; adding a line again ticks it; removing forgets the tick', () => {
    state().addToCart(1);
    state().addToCart(2, 2);
    state().setCartSelected([1, 2], false);
    expect(state().cart.unselected).toEqual([1, 2]);
    state().setCartSelected([2], true);
    expect(state().cart.unselected).toEqual([1]);
    state().addToCart(1);
    expect(state().cart.unselected).toEqual([]);
    state().setCartSelected([2], false);
    state().removeFromCart(2);
    expect(state().cart).toMatchObject({ lines: [{ skuId: 1, quantity: 2 }], unselected: [] });
  });

  it('snapshots a merge once: the same id and lines on every retry, persisted', () => {
    state().addToCart(1, 2);
    const first = state().beginCartMerge();
    expect(first.mergeId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    state().addToCart(1, 1);
    state().addToCart(5, 1);
    const retry = state().beginCartMerge();
    expect(retry).toEqual(first);
    expect(retry.lines).toEqual([{ skuId: 1, quantity: 2 }]);
    const saved = JSON.parse(storage.get(STORE_NAME) ?? '{}') as { state: { cart: { merging: unknown } } };
    expect(saved.state.cart.merging).toEqual(first);
  });

  it('finishing a merge takes out what was sent and keeps what was added since', () => {
    state().addToCart(1, 2);
    state().addToCart(2, 1);
    state().beginCartMerge();
    state().addToCart(1, 3);
    state().addToCart(7, 1);
    state().finishCartMerge();
    expect(state().cart).toEqual({
      lines: [
        { skuId: 1, quantity: 3 },
        { skuId: 7, quantity: 1 },
      ],
      unselected: [],
      merging: null,
    });
    // The next merge is a new one.
    expect(state().beginCartMerge().lines).toEqual(state().cart.lines);
  });

  it('badges the guest lines for a guest and the server count for a member', () => {
    state().addToCart(1, 2);
    state().addToCart(2, 3);
    expect(selectCartBadgeCount(state())).toBe(5);
    state().setSession('member', { token: 't', role: 'member', storeId: null, displayName: null });
    state().setMemberCartCount(12);
    expect(selectCartBadgeCount(state())).toBe(12);
  });
});
