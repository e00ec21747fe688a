import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckoutLineInput, CheckoutQuoteResponse } from '@tidepool/shared';
import { toApiError, type ApiError } from '@/services/api-error';
import { quoteCheckout } from '@/services/api/orders.api';

export type QuoteAnswer = { ok: true; quote: CheckoutQuoteResponse } | { ok: false; error: ApiError };

export interface CheckoutQuoteState {
  /** The quote on screen: the last one answered (kept while a new one loads, and after a failed one). */
  quote: CheckoutQuoteResponse | null;
  loading: boolean;
  /** Why the first quote failed (the page has nothing to show). */
  error: ApiError | null;
  /**
   * Prices again: with these coupons, or the best combination when `couponIds` is undefined. Resolves with the
   * answer (stale answers, superseded by a later call, resolve too but never replace the quote on screen).
   */
  requote: (couponIds?: number[]) => Promise<QuoteAnswer>;
}

/** The checkout breakdown from POST /api/orders/quote; the first call lets the server pick the best coupons. */
export function useCheckoutQuote(lines: readonly CheckoutLineInput[] | null): CheckoutQuoteState {
  const [quote, setQuote] = useState<CheckoutQuoteResponse | null>(null);
  const [loading, setLoading] = useState(lines !== null);
  const [error, setError] = useState<ApiError | null>(null);
  const callId = useRef(0);
  const linesRef = useRef(lines);
  linesRef.current = lines;
  const linesKey = lines ? lines.map((l) => `${l.skuId}x${l.quantity}`).join(',') : '';

  const requote = useCallback(async (couponIds?: number[]): Promise<QuoteAnswer> => {
    const current = linesRef.current;
    if (!current) return { ok: false, error: toApiError(new Error('no lines')) };
    const id = ++callId.current;
    setLoading(true);
    try {
      const answer = await quoteCheckout({ lines: [...current], couponIds });
      if (id === callId.current) {
        setQuote(answer);
        setError(null);
      }
      return { ok: true, quote: answer };
    } catch (err) {
      const failure = toApiError(err);
      if (id === callId.current) setError(failure);
      return { ok: false, error: failure };
    } finally {
      if (id === callId.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!linesKey) return;
    setQuote(null);
    void requote(undefined);
    return () => {
      callId.current++;
    };
  }, [linesKey, requote]);

  return { quote, loading, error, requote };
}
