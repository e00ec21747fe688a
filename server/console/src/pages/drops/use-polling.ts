import { useEffect, useRef } from 'react';

/**
 * Calls `tick` every `intervalMs` while `active`, never two at once: a slow answer delays the next call instead of
 * piling requests onto a busy server during the rush. Stops when inactive or unmounted.
 */
export function usePolling(tick: () => Promise<unknown>, intervalMs: number, active: boolean): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      timer = setTimeout(() => {
        void latest
          .current()
          .catch(() => undefined) // a failed poll is retried by the next one
          .finally(() => {
            if (!stopped) schedule();
          });
      }, intervalMs);
    };
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [intervalMs, active]);
}
