import { beforeEach, describe, expect, it, vi } from 'vitest';

const storage = vi.hoisted(() => new Map<string, unknown>());
const taro = vi.hoisted(() => ({
  request: vi.fn(),
  addInterceptor: vi.fn(),
  login: vi.fn(),
  showToast: vi.fn(() => Promise.resolve()),
  setTabBarBadge: vi.fn(() => Promise.resolve()),
  removeTabBarBadge: vi.fn(() => Promise.resolve()),
  onAppShow: vi.fn(),
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
}));
vi.mock('@tarojs/taro', () => ({ default: taro, ...taro }));

import { useAppStore } from '@/stores';
import { installCartSync, mergeGuestCart } from './cart-sync';
import { ensureMemberLogin } from './session';

interface Call {
  url: string;
  method: string;
  data?: { mergeId?: string; items?: unknown[] };
  header: Record<string, string>;
}
const calls = () => taro.request.mock.calls.map((c) => c[0] as Call);
const json = (statusCode: number, data: unknown) => ({ statusCode, data, header: {} });
const merged = (totalQuantity: number, extra: Record<string, unknown> = {}) =>
  json(200, {
    lines: [],
    totalQuantity,
    selectedQuantity: 0,
    selectedSubtotalFen: 0,
    allSelected: false,
    alreadyMerged: false,
    skipped: [],
    ...extra,
  });
const state = () => useAppStore.getState();

installCartSync();

describe('guest cart merge at member login', () => {
  beforeEach(() => {
    storage.clear();
    taro.request.mockReset();
    taro.showToast.mockClear();
    taro.setTabBarBadge.mockClear();
    taro.removeTabBarBadge.mockClear();
    taro.login.mockResolvedValue({ code: 'wx-code', errMsg: 'login:ok' });
    state().signOut('member');
    state().clearCart();
    state().setMemberCartCount(0);
  });

  it('merges the guest cart inside the login, once, then clears it and badges the server count', async () => {
    state().addToCart(11, 2);
    state().addToCart(12, 1);
    taro.request.mockResolvedValueOnce(json(201, { accessToken: 'tok' })).mockResolvedValueOnce(merged(7));
    await ensureMemberLogin();
    const [login, merge] = calls();
    expect(login?.url).toBe('/api/auth/wechat-login');
    expect(merge).toMatchObject({ url: '/api/cart/merge', method: 'POST', header: { Authorization: 'Bearer tok' } });
    expect(merge?.data?.items).toEqual([
      { skuId: 11, quantity: 2 },
      { skuId: 12, quantity: 1 },
    ]);
    expect(state().cart.lines).toEqual([]);
    expect(state().cart.merging).toBeNull();
    expect(state().memberCartCount).toBe(7);
    expect(taro.setTabBarBadge).toHaveBeenLastCalledWith({ index: 2, text: '7' });
    // Nothing left: another call sends nothing.
    await mergeGuestCart();
    expect(calls()).toHaveLength(2);
  });

  it('a failed merge does not fail the login; the retry sends the same merge id and lines', async () => {
    state().addToCart(11, 2);
    taro.request
      .mockResolvedValueOnce(json(201, { accessToken: 'tok' }))
      .mockRejectedValueOnce({ errMsg: 'request:fail timeout' });
    await expect(ensureMemberLogin()).resolves.toBe('tok');
    expect(state().cart.lines).toEqual([{ skuId: 11, quantity: 2 }]);
    const firstId = calls()[1]?.data?.mergeId;
    expect(firstId).toBeTruthy();

    taro.request.mockResolvedValueOnce(merged(2, { alreadyMerged: true }));
    await mergeGuestCart();
    expect(calls()[2]?.data).toEqual({ mergeId: firstId, items: [{ skuId: 11, quantity: 2 }] });
    expect(state().cart.lines).toEqual([]);
  });

  it('units added after a lost merge go in a second round under a new id', async () => {
    state().setSession('member', { token: 'tok', role: 'member', storeId: null, displayName: null });
    state().addToCart(11, 2);
    const first = state().beginCartMerge();
    state().addToCart(11, 1);
    taro.request.mockResolvedValueOnce(merged(2, { alreadyMerged: true })).mockResolvedValueOnce(merged(3));
    await mergeGuestCart();
    const [a, b] = calls();
    expect(a?.data).toEqual({ mergeId: first.mergeId, items: [{ skuId: 11, quantity: 2 }] });
    expect(b?.data?.items).toEqual([{ skuId: 11, quantity: 1 }]);
    expect(b?.data?.mergeId).not.toBe(first.mergeId);
    expect(state().cart.lines).toEqual([]);
  });

  it('tells the shopper when some guest lines could not be merged', async () => {
    state().setSession('member', { token: 'tok', role: 'member', storeId: null, displayName: null });
    state().addToCart(11, 1);
    taro.request.mockResolvedValueOnce(merged(0, { skipped: [{ skuId: 11, reason: 'OFF_SHELF' }] }));
    await mergeGuestCart();
    expect(taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '部分商品已下架或售罄，未加入购物车' }),
    );
  });

  it('does nothing for a guest', async () => {
    state().addToCart(11, 1);
    await mergeGuestCart();
    expect(calls()).toHaveLength(0);
    expect(taro.setTabBarBadge).toHaveBeenLastCalledWith({ index: 2, text: '1' });
    state().clearCart();
    expect(taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 2 });
  });
});
