import { stopPullDownRefresh, useReachBottom, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@tidepool/shared';
import type { ApiError } from '@/services/api-error';
import { toApiError } from '@/services/api-error';
import { toast } from '@/utils/toast';

export interface PagedListState<T> {
  items: T[];
  /** Last page loaded (0 before the first answer). */
  page: number;
  total: number;
  hasMore: boolean;
  /** First page in flight with nothing to show yet. */
  initialLoading: boolean;
  /** Next page in flight. */
  loadingMore: boolean;
  /** Reloading page 1 while the current items stay on screen. */
  refreshing: boolean;
  /** Error of the first page (the whole view) … */
  error: ApiError | null;
  /** … or of a later page (shown in the list footer). */
  moreError: ApiError | null;
}

export interface UsePagedListResult<T> extends PagedListState<T> {
  loadMore: () => Promise<void>;
  /** Reloads page 1 keeping what is on screen; resolves with the error when that failed (for a toast). */
  refresh: () => Promise<ApiError | null>;
  retry: () => Promise<void>;
}

const initialState = <T>(): PagedListState<T> => ({
  items: [],
  page: 0,
  total: 0,
  hasMore: false,
  initialLoading: true,
  loadingMore: false,
  refreshing: false,
  error: null,
  moreError: null,
});

/**
 * Offset pagination over a `Page<T>` endpoint: first page on mount and whenever `deps` change, `loadMore` for
 * infinite scroll, `refresh` for pull-down. Answers from a superseded generation are dropped.
 */
export function usePagedList<T extends { id: number }>(
  fetchPage: (page: number) => Promise<Page<T>>,
  deps: readonly unknown[],
): UsePagedListResult<T> {
  const [state, setState] = useState<PagedListState<T>>(initialState);
  const generation = useRef(0);
  const busy = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const loadFirst = useCallback(async (mode: 'initial' | 'refresh'): Promise<ApiError | null> => {
    const gen = ++generation.current;
    busy.current = true;
    setState((prev) =>
      mode === 'initial' ? initialState<T>() : { ...prev, refreshing: true, error: null, moreError: null },
    );
    try {
      const page = await fetchRef.current(1);
      if (gen !== generation.current) return null;
      setState({
        items: page.items,
        page: page.page,
        total: page.total,
        hasMore: page.hasMore,
        initialLoading: false,
        loadingMore: false,
        refreshing: false,
        error: null,
        moreError: null,
      });
      return null;
    } catch (err) {
      if (gen !== generation.current) return null;
      const error = toApiError(err);
      // A failed refresh keeps the list that is on screen (still valid); the caller shows the error briefly.
      setState((prev) =>
        mode === 'refresh' && prev.items.length > 0
          ? { ...prev, refreshing: false }
          : { ...initialState<T>(), initialLoading: false, error },
      );
      return error;
    } finally {
      if (gen === generation.current) busy.current = false;
    }
  }, []);

  const loadMore = useCallback(async () => {
    const current = stateRef.current;
    if (busy.current || !current.hasMore || current.error) return;
    const gen = generation.current;
    busy.current = true;
    setState((prev) => ({ ...prev, loadingMore: true, moreError: null }));
    try {
      const page = await fetchRef.current(current.page + 1);
      if (gen !== generation.current) return;
      setState((prev) => {
        // Rows can shift between pages while browsing; never show one twice.
        const seen = new Set(prev.items.map((item) => item.id));
        return {
          ...prev,
          items: [...prev.items, ...page.items.filter((item) => !seen.has(item.id))],
          page: page.page,
          total: page.total,
          hasMore: page.hasMore,
          loadingMore: false,
        };
      });
    } catch (err) {
      if (gen !== generation.current) return;
      setState((prev) => ({ ...prev, loadingMore: false, moreError: toApiError(err) }));
    } finally {
      if (gen === generation.current) busy.current = false;
    }
  }, []);

  useEffect(() => {
    void loadFirst('initial');
    return () => {
      generation.current++;
      busy.current = false;
    };
  }, deps);

  const refresh = useCallback(() => loadFirst('refresh'), [loadFirst]);
  const retry = useCallback(async () => {
    await loadFirst('initial');
  }, [loadFirst]);

  return { ...state, loadMore, refresh, retry };
}

/**
 * A list page's gestures: pulling down reloads page 1 (a failure is toasted and the list stays on screen);
 * reaching the bottom loads the next page.
 */
export function useListPageGestures(list: Pick<UsePagedListResult<{ id: number }>, 'refresh' | 'loadMore'>): void {
  usePullDownRefresh(() => {
    void list
      .refresh()
      .then((error) => {
        if (error) toast(error.message);
      })
      .finally(() => void stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });
}
