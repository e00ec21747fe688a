import type { RateLimitStoreStatus } from '@tidepool/shared';

/** The answer to one hit: allowed (and counted), or refused with how long until the window renews. */
export interface RateLimitVerdict {
  allowed: boolean;
  /** Whole seconds until the current window ends (at least 1); meaningful when refused. */
  retryAfterSeconds: number;
}

/**
 * The shared store could not be asked (Redis unreachable, or slower than its timeout). Each limiter decides what
 * that means: the staff-login limit refuses (a guess budget nobody can check is no budget), a read limit lets the
 * request through (an outage of the counter store should not stop the tills).
 */
export class RateLimitStoreUnavailableError extends Error {
  override readonly name = 'RateLimitStoreUnavailableError';
}

/**
 * Fixed-window counters keyed by string. A window starts at the first hit of a key and lasts `windowMs`; within
 * it `limit` hits are allowed and every further hit is refused without being counted, so a refused request never
 * pushes the window's end further away. Implementations: this process's memory, or Redis shared by all processes.
 */
export abstract class RateLimitStore {
  /** Counts one hit on `key`, or refuses it when `limit` hits were already counted in the current window. */
  abstract hit(key: string, limit: number, windowMs: number): Promise<RateLimitVerdict>;

  /** Forgets `key`'s window (a successful login clears its failures). */
  abstract reset(key: string): Promise<void>;

  /** For the health check: where the counters live and, for Redis, whether it answers now. */
  abstract status(): Promise<RateLimitStoreStatus>;
}

/** Whole seconds, rounded up and at least 1: a client coming back on time must find the budget renewed. */
export function retryAfterSecondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
