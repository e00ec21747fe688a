import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '@/services/api-error';
import { toApiError } from '@/services/api-error';

export type AsyncState<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'success'; data: T; error: null }
  | { status: 'error'; data: T | null; error: ApiError };

export interface UseAsyncResult<T> {
  state: AsyncState<T>;
  /** Loads again; keeps the current data while loading (for pull-down refresh). */
  reload: () => Promise<void>;
}

/**
 * Fetches server data for a view. Answers to stale calls (deps changed, unmounted) are dropped.
 * `fetcher` is called again whenever `deps` change.
 */
export function useAsync<T>(fetcher: () => Promise<T>, deps: readonly unknown[]): UseAsyncResult<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading', data: null, error: null });
  const callId = useRef(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const run = useCallback(async () => {
    const id = ++callId.current;
    setState((prev) => ({ status: 'loading', data: prev.data, error: null }));
    try {
      const data = await fetcherRef.current();
      if (id === callId.current) setState({ status: 'success', data, error: null });
    } catch (error) {
      if (id === callId.current) setState((prev) => ({ status: 'error', data: prev.data, error: toApiError(error) }));
    }
  }, []);

  useEffect(() => {
    void run();
    return () => {
      callId.current++;
    };
  }, deps);

  return { state, reload: run };
}
