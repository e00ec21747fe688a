import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.service';
import { DomainException } from '../../common/errors/domain.exception';

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_TRACKED = 10_000;

/**
 * Slows password guessing: after 5 failed staff logins for one username from one IP within 15 minutes, further
 * attempts are refused with RATE_LIMITED until the window passes. Per replica and in memory on purpose: it is a
 * speed bump, not the defence (scrypt is); a shared limit belongs in Redis when there is one.
 */
@Injectable()
export class LoginAttemptLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly clock: Clock) {}

  assertAllowed(key: string): void {
    const entry = this.current(key);
    if (entry && entry.count >= MAX_FAILURES) throw new DomainException('RATE_LIMITED');
  }

  recordFailure(key: string): void {
    const entry = this.current(key);
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
