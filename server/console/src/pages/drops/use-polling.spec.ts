import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePolling } from './use-polling';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('usePolling', () => {
  it('polls every interval while active, one call at a time, and stops when inactive', async () => {
    let resolve: () => void = () => undefined;
    const tick = vi.fn(() => new Promise<void>((r) => (resolve = r)));
    const { rerender, unmount } = renderHook(({ active }) => usePolling(tick, 3000, active), {
      initialProps: { active: true },
    });
    expect(tick).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(3000);
    expect(tick).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(9000); // still waiting for the first answer
    expect(tick).toHaveBeenCalledTimes(1);
    resolve();
    await vi.advanceTimersByTimeAsync(3000);
    expect(tick).toHaveBeenCalledTimes(2);
    resolve();
    rerender({ active: false });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(tick).toHaveBeenCalledTimes(2);
    unmount();
  });
});
