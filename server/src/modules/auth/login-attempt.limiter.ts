import { Injectable, Logger } from '@nestjs/common';
import { DomainException, RateLimitedException } from '../../common/errors/domain.exception';
import {
  RateLimitStore,
  RateLimitStoreUnavailableError,
  type RateLimitVerdict,
} from '../../common/rate-limit/rate-limit.store';

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;

/**
 * Slows password guessing: 5 staff logins that are not successful for one username from one address within 15
 * minutes, then further attempts are refused with RATE_LIMITED (and Retry-After) until the window passes. An
 * attempt is counted when it starts, not when its password check fails, so guesses sent all at once cannot all
 * slip in before the first failure is recorded; a successful login clears the count. A refused attempt changes
 * nothing. It is a speed bump, not the defence (scrypt is). With REDIS_URL the budget is shared by every process;
 * when that store cannot be asked, logins are refused (LOGIN_TEMPORARILY_UNAVAILABLE) rather than let through
 * unlimited.
 */
@Injectable()
export class LoginAttemptLimiter {
  private readonly logger = new Logger(LoginAttemptLimiter.name);

  constructor(private readonly store: RateLimitStore) {}

  /** Counts one attempt for `key`, or throws RATE_LIMITED (counting nothing) when its budget is spent. */
  async take(key: string): Promise<void> {
    let verdict: RateLimitVerdict;
    try {
      verdict = await this.store.hit(`login:${key}`, MAX_FAILURES, WINDOW_MS);
    } catch (error) {
      if (!(error instanceof RateLimitStoreUnavailableError)) throw error;
      this.logger.warn({ msg: 'staff login refused: rate-limit store unavailable', error: error.message });
      throw new DomainException('LOGIN_TEMPORARILY_UNAVAILABLE');
    }
    if (!verdict.allowed) throw new RateLimitedException(verdict.retryAfterSeconds * 1000);
  }

  /** Clears `key`'s failures after a successful login; if the store is down they simply expire with their window. */
  async reset(key: string): Promise<void> {
    try {
      await this.store.reset(`login:${key}`);
    } catch (error) {
      if (!(error instanceof RateLimitStoreUnavailableError)) throw error;
      this.logger.warn({ msg: 'staff login count not cleared: rate-limit store unavailable', error: error.message });
    }
  }
}
