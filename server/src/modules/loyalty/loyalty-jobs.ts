import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { localCalendar } from '@tidepool/shared';
import { JobScheduler } from '../jobs';
import { LoyaltyService } from './loyalty.service';
import { BrandSettings } from '../brand';

/** Local time (minutes after midnight in the brand's zone) after which each nightly job is due. */
export const POINTS_EXPIRY_AFTER = 30; // 00:30, once the midnight expiries have passed
export const RECONCILE_AFTER = 3 * 60; // 03:00, after the expiry and away from the evening peak

/**
 * A daily job's period: the brand-zone date, once the local time has reached `afterMinutes` (null before, so the
 * scheduler waits). One period runs once across replicas (JobRunner's claim).
 */
export function dailyPeriod(now: Date, timeZone: string, afterMinutes: number): string | null {
  const local = localCalendar(now, timeZone);
  return local.hour * 60 + local.minute >= afterMinutes ? local.date : null;
}

/**
 * The loyalty nightly jobs (积分过期, 账本对账), registered with the scheduler that ticks on every replica. The
 * claim makes one replica run each night's job; the work is idempotent per lot anyway (see PointsExpiryService).
 */
@Injectable()
export class LoyaltyJobs implements OnModuleInit {
  private readonly logger = new Logger('LoyaltyJobs');

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly loyalty: LoyaltyService,
    private readonly brand: BrandSettings,
  ) {}

  onModuleInit(): void {
    const zone = this.brand.timeZone();
    this.scheduler.register({
      name: 'points-expiry',
      periodOf: (now) => dailyPeriod(now, zone, POINTS_EXPIRY_AFTER),
      work: async (now) => ({ ...(await this.loyalty.expireDue(now)) }),
    });
    this.scheduler.register({
      name: 'loyalty-reconcile',
      periodOf: (now) => dailyPeriod(now, zone, RECONCILE_AFTER),
      work: async () => {
        const report = await this.loyalty.reconcile();
        if (report.mismatches.length > 0) {
          // Each mismatch is logged by the reconciliation itself; this is the one line an alert can match.
          this.logger.error({
            msg: 'loyalty ledger mismatches found',
            count: report.mismatches.length,
            members: [...new Set(report.mismatches.map((m) => m.memberId))].slice(0, 50),
          });
        }
        return {
          pointsAccounts: report.pointsAccounts,
          growthAccounts: report.growthAccounts,
          mismatches: report.mismatches.length,
        };
      },
    });
  }
}
