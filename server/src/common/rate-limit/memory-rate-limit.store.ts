import type { RateLimitStoreStatus } from '@tidepool/shared';
import type { Clock } from '../clock/clock.service';
import { RateLimitStore, type RateLimitVerdict, retryAfterSecondsOf } from './rate-limit.store';

const MAX_TRACKED = 10_000;

/**
 * Counters in this process's memory: the embedded default, right for one process (each process of several would
 * keep its own budget). Windows follow the app's `Clock`, so tests that move time move the windows too.
 */
export class MemoryRateLimitStore extends RateLimitStore {
  private readonly windows = new Map<string, { count: number; since: number; windowMs: number }>();

  constructor(private readonly clock: Clock) {
    super();
  }

  hit(key: string, limit: number, windowMs: number): Promise<RateLimitVerdict> {
    const now = this.clock.now().getTime();
    const entry = this.current(key, now);
    if (entry && entry.count >= limit) {
      return Promise.resolve({
        allowed: false,
        retryAfterSeconds: retryAfterSecondsOf(entry.since + entry.windowMs - now),
      });
    }
    if (entry) {
      entry.count++;
      return Promise.resolve({
        allowed: true,
        retryAfterSeconds: retryAfterSecondsOf(entry.since + entry.windowMs - now),
      });
    }
    if (this.windows.size >= MAX_TRACKED) this.prune(now);
    this.windows.set(key, { count: 1, since: now, windowMs });
    return Promise.resolve({ allowed: true, retryAfterSeconds: retryAfterSecondsOf(windowMs) });
  }

  reset(key: string): Promise<void> {
    this.windows.delete(key);
    return Promise.resolve();
  }

  status(): Promise<RateLimitStoreStatus> {
    return Promise.resolve('memory');
  }

  private current(key: string, now: number): { count: number; since: number; windowMs: number } | undefined {
    const entry = this.windows.get(key);
    if (entry && now - entry.since >= entry.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.windows) if (now - entry.since >= entry.windowMs) this.windows.delete(key);
    // Still full (a flood from many addresses): forget the oldest rather than grow without bound.
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_TRACKED) break;
      this.windows.delete(key);
    }
  }
}
