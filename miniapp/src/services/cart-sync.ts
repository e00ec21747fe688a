import Taro from '@tarojs/taro';
import { useAppStore } from '@/stores';
import { selectCartBadgeCount } from '@/stores/cart.slice';
import { toast } from '@/utils/toast';
import { isApiError } from './api-error';
import { getCart, mergeCart } from './api/cart.api';
import { onMemberLogin } from './session';

/** 购物车 is the third tab (app.config.ts tabBar.list). */
export const CART_TAB_INDEX = 2;

let pendingMerge: Promise<void> | null = null;

/**
 * Moves the guest cart on the phone into the member's server cart: once, whatever retries happen. Each round
 * sends a snapshot under its merge id (kept in the persisted store), so a lost answer is retried with the same id
 * and applied once by the server; units added after the snapshot go in a following round. Does nothing for a
 * guest or an empty cart. Concurrent callers share one run.
 */
export function mergeGuestCart(): Promise<void> {
  const state = useAppStore.getState();
  if (!state.session.member || state.cart.lines.length === 0) return Promise.resolve();
  pendingMerge ??= (async () => {
    for (let round = 0; round < 3; round++) {
      const store = useAppStore.getState();
      if (!store.session.member || store.cart.lines.length === 0) return;
      const merging = store.beginCartMerge();
      let result;
      try {
        result = await mergeCart(merging.mergeId, merging.lines);
      } catch (error) {
        // The same id with other lines: that snapshot was merged before (its answer lost) and the lines have
        // changed since; take it as done and merge what is left under a new id.
        if (isApiError(error) && error.code === 'CART_MERGE_CONFLICT') {
          useAppStore.getState().finishCartMerge();
          continue;
        }
        throw error;
      }
      useAppStore.getState().finishCartMerge();
      useAppStore.getState().setMemberCartCount(result.totalQuantity);
      if (!result.alreadyMerged && result.skipped.length > 0) toast('部分商品已下架或售罄，未加入购物车');
    }
  })().finally(() => {
    pendingMerge = null;
  });
  return pendingMerge;
}

/** Reads the member's cart for the tab badge (after launch, or after a change made elsewhere). */
export async function refreshMemberCartCount(): Promise<void> {
  if (!useAppStore.getState().session.member) return;
  const view = await getCart();
  useAppStore.getState().setMemberCartCount(view.totalQuantity);
}

/** Shows `count` on the 购物车 tab (hidden at 0). Silently does nothing where there is no tab bar. */
export function applyCartBadge(count: number): void {
  try {
    const shown =
      count > 0
        ? Taro.setTabBarBadge({ index: CART_TAB_INDEX, text: count > 99 ? '99+' : String(count) })
        : Taro.removeTabBarBadge({ index: CART_TAB_INDEX });
    void Promise.resolve(shown).catch(() => undefined);
  } catch {
    // Not a tab page (weapp) or no tab bar API (test hosts): the cart page applies it again when shown.
  }
}

let installed = false;

/**
 * Wires the cart into the app once: the guest cart merges at member login, and the tab badge follows the cart
 * (the member's server count, or the guest's local lines).
 */
export function installCartSync(): void {
  if (installed) return;
  installed = true;
  onMemberLogin(mergeGuestCart);
  let shown = -1;
  const follow = () => {
    const count = selectCartBadgeCount(useAppStore.getState());
    if (count === shown) return;
    shown = count;
    applyCartBadge(count);
  };
  useAppStore.subscribe(follow);
  follow();
  // At a cold start the tab bar may not take a badge yet; coming to the foreground re-applies it.
  try {
    Taro.onAppShow(() => applyCartBadge(selectCartBadgeCount(useAppStore.getState())));
  } catch {
    // No app events in this host.
  }
  // A member from an earlier visit: their cart count comes from the server (and any leftover guest lines merge).
  if (useAppStore.getState().session.member) {
    void mergeGuestCart()
      .then(refreshMemberCartCount)
      .catch(() => undefined);
  }
}
