import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CartView, SkuLookupItemDto } from '@tidepool/shared';
import { type ApiError, toApiError } from '@/services/api-error';
import { getCart, lookupSkus, removeCartItem, selectCartItems, setCartItem } from '@/services/api/cart.api';
import { mergeGuestCart } from '@/services/cart-sync';
import { useAppStore } from '@/stores';
import { selectIsMemberLoggedIn } from '@/stores/selectors';
import { toast } from '@/utils/toast';
import { guestCartView, unknownSkuIds } from './cart-model';

export type CartLoad =
  | { status: 'loading'; view: CartView | null; error: null }
  | { status: 'ready'; view: CartView; error: null }
  | { status: 'error'; view: CartView | null; error: ApiError };

export interface UseCartResult {
  load: CartLoad;
  isMember: boolean;
  /** SKUs with a change on the way (their controls wait). */
  busy: ReadonlySet<number>;
  reload: () => Promise<void>;
  setQuantity: (skuId: number, quantity: number) => Promise<void>;
  remove: (skuId: number) => Promise<void>;
  select: (skuIds: number[], selected: boolean) => Promise<void>;
}

/**
 * The cart page's data, one shape for both carts: a member's comes from the server (every change answers with
 * the whole cart), a guest's is the store's lines priced by the SKU lookup (changes are local and instant).
 */
export function useCart(): UseCartResult {
  const isMember = useAppStore(selectIsMemberLoggedIn);
  const guestCart = useAppStore((state) => state.cart);
  const setMemberCartCount = useAppStore((state) => state.setMemberCartCount);
  const [memberLoad, setMemberLoad] = useState<CartLoad>({ status: 'loading', view: null, error: null });
  const [lookup, setLookup] = useState<{
    status: 'loading' | 'ready' | 'error';
    items: SkuLookupItemDto[];
    error: ApiError | null;
  }>({
    status: 'loading',
    items: [],
    error: null,
  });
  const [busy, setBusy] = useState<ReadonlySet<number>>(new Set());
  const callId = useRef(0);

  const showMemberView = useCallback(
    (view: CartView) => {
      setMemberLoad({ status: 'ready', view, error: null });
      setMemberCartCount(view.totalQuantity);
    },
    [setMemberCartCount],
  );

  const reload = useCallback(async () => {
    const id = ++callId.current;
    if (useAppStore.getState().session.member) {
      setMemberLoad((prev) => ({ status: 'loading', view: prev.view, error: null }));
      try {
        await mergeGuestCart();
        const view = await getCart();
        if (id === callId.current) showMemberView(view);
      } catch (error) {
        if (id === callId.current)
          setMemberLoad((prev) => ({ status: 'error', view: prev.view, error: toApiError(error) }));
      }
      return;
    }
    const cart = useAppStore.getState().cart;
    setLookup((prev) => ({ ...prev, status: 'loading', error: null }));
    try {
      const items = await lookupSkus(cart.lines.map((line) => line.skuId));
      if (id !== callId.current) return;
      // SKUs the shop no longer has drop out of the guest cart.
      for (const skuId of unknownSkuIds(cart, items)) useAppStore.getState().removeFromCart(skuId);
      setLookup({ status: 'ready', items, error: null });
    } catch (error) {
      if (id === callId.current) setLookup((prev) => ({ ...prev, status: 'error', error: toApiError(error) }));
    }
  }, [showMemberView]);

  // Logging in (or out) switches carts.
  useEffect(() => {
    void reload();
  }, [isMember, reload]);

  // A guest line whose SKU the last lookup did not cover (added on another page meanwhile): look up again.
  const lookedUp = useMemo(() => new Set(lookup.items.map((item) => item.skuId)), [lookup.items]);
  const missing = !isMember && lookup.status === 'ready' && guestCart.lines.some((l) => !lookedUp.has(l.skuId));
  useEffect(() => {
    if (missing) void reload();
  }, [missing, reload]);

  const guestLoad = useMemo((): CartLoad => {
    if (lookup.status === 'error' && lookup.error) {
      return { status: 'error', view: null, error: lookup.error };
    }
    if (lookup.status === 'loading' && lookup.items.length === 0 && guestCart.lines.length > 0) {
      return { status: 'loading', view: null, error: null };
    }
    return { status: 'ready', view: guestCartView(guestCart, lookup.items), error: null };
  }, [guestCart, lookup]);

  /** One server change at a time per line; the answer replaces the cart, a refusal is explained and reloaded. */
  const change = useCallback(
    async (skuIds: number[], work: () => Promise<CartView>) => {
      setBusy((prev) => new Set([...prev, ...skuIds]));
      try {
        showMemberView(await work());
      } catch (error) {
        toast(toApiError(error).message);
        void reload();
      } finally {
        setBusy((prev) => new Set([...prev].filter((id) => !skuIds.includes(id))));
      }
    },
    [reload, showMemberView],
  );

  const setQuantity = useCallback(
    async (skuId: number, quantity: number) => {
      if (!isMember) {
        useAppStore.getState().setCartQuantity(skuId, quantity);
        return;
      }
      await change([skuId], () => setCartItem(skuId, quantity));
    },
    [change, isMember],
  );

  const remove = useCallback(
    async (skuId: number) => {
      if (!isMember) {
        useAppStore.getState().removeFromCart(skuId);
        return;
      }
      await change([skuId], () => removeCartItem(skuId));
    },
    [change, isMember],
  );

  const select = useCallback(
    async (skuIds: number[], selected: boolean) => {
      if (skuIds.length === 0) return;
      if (!isMember) {
        useAppStore.getState().setCartSelected(skuIds, selected);
        return;
      }
      await change(skuIds, () => selectCartItems(skuIds, selected));
    },
    [change, isMember],
  );

  return { load: isMember ? memberLoad : guestLoad, isMember, busy, reload, setQuantity, remove, select };
}
