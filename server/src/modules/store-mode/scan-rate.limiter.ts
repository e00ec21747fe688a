import { Inject, Injectable, Logger } from '@nestjs/common';
import { RateLimitedException } from '../../common/errors/domain.exception';
import {
  RateLimitStore,
  RateLimitStoreUnavailableError,
  type RateLimitVerdict,
} from '../../common/rate-limit/rate-limit.store';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';

const WINDOW_MS = 60_000;

/**
 * Per-cashier scan budget (STORE_SCANS_PER_MINUTE, default 30: a till scans one shopper at a time, so more is a
 * script or a guessing attempt) (fixed one-minute windows). It bounds guessing of the 8-digit one-time part (a
 * guesser also needs a live handle), it is not the defence itself. With REDIS_URL the budget is shared by every
 * process; when that store cannot be asked the scan goes through (a counter outage must not stop the tills).
 */
@Injectable()
export class ScanRateLimiter {
  private readonly logger = new Logger(ScanRateLimiter.name);
  private readonly max: number;

  constructor(
    private readonly store: RateLimitStore,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'storeScansPerMinute'>,
  ) {
    this.max = config.storeScansPerMinute;
  }

  async take(staffId: number): Promise<void> {
    let verdict: RateLimitVerdict;
    try {
      verdict = await this.store.hit(`scan:${staffId}`, this.max, WINDOW_MS);
    } catch (error) {
      if (!(error instanceof RateLimitStoreUnavailableError)) throw error;
      this.logger.warn({ msg: 'scan allowed unlimited: rate-limit store unavailable', staffId, error: error.message });
      return;
    }
    if (!verdict.allowed) throw new RateLimitedException(verdict.retryAfterSeconds * 1000);
  }
}
