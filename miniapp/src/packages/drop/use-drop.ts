import { useCallback, useEffect, useRef, useState } from 'react';
import type { DropView } from '@tidepool/shared';
import { ApiError, toApiError } from '@/services/api-error';
import { getDrop } from '@/services/drops.api';

export interface DropState {
  drop: DropView | null;
  /** Server clock minus phone clock from the last answer (0 until one came). */
  skewMs: number;
  loading: boolean;
  error: ApiError | null;
}

/**
 * A drop and the clock skew of the answer that carried it. `reload` keeps the drop on screen while it loads (the
 * countdown reaching zero, pull-down, back from the order); answers to superseded loads are dropped.
 */
export function useDrop(id: number | null): DropState & { reload: () => Promise<void> } {
  const [state, setState] = useState<DropState>({ drop: null, skewMs: 0, loading: true, error: null });
  const call = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++call.current;
    setState((prev) => ({ ...prev, loading: true, error: null }));
    try {
      if (id === null) throw new ApiError('DROP_NOT_FOUND', 404);
      const { value, skewMs } = await getDrop(id);
      if (mine === call.current) setState({ drop: value, skewMs, loading: false, error: null });
    } catch (err) {
      if (mine === call.current) setState((prev) => ({ ...prev, loading: false, error: toApiError(err) }));
    }
  }, [id]);
  useEffect(() => {
    void reload();
    return () => {
      call.current++;
    };
  }, [reload]);
  return { ...state, reload };
}
