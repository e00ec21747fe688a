import { useCallback, useEffect, useRef, useState } from 'react';
import type { TillQuoteResponse } from '@tidepool/shared';
import { quoteTillPurchase } from '@/services/api/till.api';
import { toApiError, type ApiError } from '@/services/api-error';
import { canonicalCouponIds, saleKey, type TillSaleInput } from './sale-attempt';

export interface TillQuoteState {
  /** The latest answer, and the sale it priced (compare with the current key before trusting it). */
  quote: { key: string; data: TillQuoteResponse } | null;
  loading: boolean;
  error: { key: string; error: ApiError } | null;
}

/** How long typing must pause before the till asks for a price. */
export const QUOTE_DEBOUNCE_MS = 350;

/**
 * A live quote for the sale being keyed in: asked for `delayMs` after the last change, answers for an older input
 * dropped. `input` null (no valid amount yet) clears it.
 */
export function useTillQuote(input: TillSaleInput | null, delayMs: number = QUOTE_DEBOUNCE_MS) {
  const [state, setState] = useState<TillQuoteState>({ quote: null, loading: false, error: null });
  const [nonce, setNonce] = useState(0);
  const seq = useRef(0);
  const key = input ? saleKey(input) : null;
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    const id = ++seq.current;
    const current = inputRef.current;
    if (!key || !current) {
      setState({ quote: null, loading: false, error: null });
      return undefined;
    }
    setState((prev) => ({ ...prev, loading: true, error: null }));
    const timer = setTimeout(() => {
      const couponIds = canonicalCouponIds(current.couponIds);
      quoteTillPurchase({
        scanId: current.scanId,
        amountFen: current.amountFen,
        ...(couponIds.length > 0 ? { couponIds } : {}),
      }).then(
        (data) => {
          if (id === seq.current) setState({ quote: { key, data }, loading: false, error: null });
        },
        (err: unknown) => {
          if (id === seq.current) setState({ quote: null, loading: false, error: { key, error: toApiError(err) } });
        },
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, nonce, delayMs]);

  const retry = useCallback(() => setNonce((n) => n + 1), []);
  const fresh = state.quote !== null && state.quote.key === key && !state.loading ? state.quote.data : null;
  const error = state.error !== null && state.error.key === key ? state.error.error : null;
  return { quote: fresh, shown: state.quote?.data ?? null, loading: state.loading, error, retry };
}
