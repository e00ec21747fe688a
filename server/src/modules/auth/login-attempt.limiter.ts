import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.service';
import { RateLimitedException } from '../../common/errors/domain.exception';

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_TRACKED = 10_000;

/**
 * Slows password guessing: 5 staff logins that are not successful for one username from one address within 15
 * minutes, then further attempts are refused with RATE_LIMITED (and Retry-After) until the window passes. An
 * attempt is counted when it starts, not when its password check fails, so guesses sent all at once cannot all
 * slip in before the first failure is recorded; a successful login clears the count. A refused attempt changes
 * nothing. Per replica and in memory on purpose: it is a speed bump, not the defence (scrypt is); a shared
 * limit belongs in Redis when there is one.
 */
@Injectable()
export class LoginAttemptLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly clock: Clock) {}

  /** Counts one attempt for `key`, or throws RATE_LIMITED (counting nothing) when its budget is spent. */
  take(key: string): void {
    const entry = this.current(key);
    if (entry && entry.count >= MAX_FAILURES) {
      throw new RateLimitedException(entry.since + WINDOW_MS - this.clock.now().getTime());
    }
    if (entry) entry.count++;
    else {
      if (this.failures.size >= MAX_TRACKED) this.prune();
      this.failures.set(key, { count: 1, since: this.clock.now().getTime() });
    }
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private current(key: string): { count: number; since: number } | undefined {
    const entry = this.failures.get(key);
    if (entry && this.clock.now().getTime() - entry.since >= WINDOW_MS) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(): void {
    const now = this.clock.now().getTime();
    for (const [key, entry] of this.failures) if (now - entry.since >= WINDOW_MS) this.failures.delete(key);
    // Still full (an attack from many addresses): forget the oldest rather than grow without bound.
    for (const key of this.failures.keys()) {
      if (this.failures.size < MAX_TRACKED) break;
      this.failures.delete(key);
    }
  }
}
