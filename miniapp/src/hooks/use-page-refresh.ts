import { stopPullDownRefresh, useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Calls `refresh` each time the page shows again (back from a page that may have changed what this one shows),
 * but not on its first show: the first load already runs on mount.
 */
export function useRefreshOnShow(refresh: () => unknown): void {
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void refresh();
    shownOnce.current = true;
  });
}

/** Pulling the page down runs `reload`; the spinner stops when it settles, whether it failed or not. */
export function usePullDownReload(reload: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    void reload().finally(() => void stopPullDownRefresh());
  });
}
