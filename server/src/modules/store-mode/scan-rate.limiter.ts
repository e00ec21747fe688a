import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.service';
import { RateLimitedException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';

const WINDOW_MS = 60_000;

/**
 * Per-cashier scan budget (STORE_SCANS_PER_MINUTE, default 30: a till scans one shopper at a time, so more is a
 * script or a guessing attempt) (fixed one-minute windows). In memory per replica: it bounds guessing of the 8-digit
 * one-time part (a guesser also needs a live handle), it is not the defence itself. A shared budget belongs in
 * Redis once there is one.
 */
@Injectable()
export class ScanRateLimiter {
  private readonly windows = new Map<number, { start: number; count: number }>();

  private readonly max: number;

  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'storeScansPerMinute'>,
  ) {
    this.max = config.storeScansPerMinute;
  }

  take(staffId: number): void {
    const now = this.clock.now().getTime();
    const window = this.windows.get(staffId);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(staffId, { start: now, count: 1 });
      return;
    }
    if (window.count >= this.max) throw new RateLimitedException(window.start + WINDOW_MS - now);
    window.count++;
  }
}
