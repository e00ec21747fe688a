import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.service';
import { DomainException } from '../../common/errors/domain.exception';

/** A cashier scans one shopper at a time; more than this in a minute is a script or a guessing attempt. */
const MAX_SCANS_PER_WINDOW = 30;
const WINDOW_MS = 60_000;

/**
 * Per-cashier scan budget (fixed one-minute windows). In memory per replica: it bounds guessing of the 8-digit
 * one-time part (a guesser also needs a live handle), it is not the defence itself. A shared budget belongs in
 * Redis once there is one.
 */
@Injectable()
export class ScanRateLimiter {
  private readonly windows = new Map<number, { start: number; count: number }>();

  constructor(private readonly clock: Clock) {}

  take(staffId: number): void {
    const now = this.clock.now().getTime();
    const window = this.windows.get(staffId);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(staffId, { start: now, count: 1 });
      return;
    }
    if (window.count >= MAX_SCANS_PER_WINDOW) throw new DomainException('RATE_LIMITED');
    window.count++;
  }
}
