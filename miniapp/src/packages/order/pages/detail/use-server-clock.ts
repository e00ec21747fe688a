import { useEffect, useState } from 'react';
import { getServerTime } from '@/services/api/orders.api';
import { clockSkew } from '@/services/member-code';

/**
 * The server's clock minus the phone's, in ms, measured once per page (GET /api/time); null until known. Without
 * an answer the phone's own clock is used (skew 0): a countdown a little off beats none.
 */
export function useServerClockSkew(): number | null {
  const [skew, setSkew] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const started = Date.now();
    getServerTime().then(
      ({ now }) => live && setSkew(clockSkew(now, started, Date.now())),
      () => live && setSkew(0),
    );
    return () => {
      live = false;
    };
  }, []);
  return skew;
}
