import { Injectable, type OnModuleInit } from '@nestjs/common';
import { localCalendar } from '@tidepool/shared';
import { JobScheduler } from '../jobs';
import { BrandSettings } from '../brand';
import { CommissionReconciliation } from './commission-reconciliation';
import { CommissionsService } from './commissions.service';
import { WithdrawalsService } from './withdrawals.service';

/** Local time (minutes after midnight, store zone) after which the nightly settlement is due: 02:30. */
export const SETTLEMENT_AFTER = 2 * 60 + 30;

/** The ledger check runs after the settlement: 03:30. */
export const RECONCILE_AFTER = 3 * 60 + 30;

function nightly(after: number, timeZone: () => string) {
  return (now: Date): string | null => {
    const local = localCalendar(now, timeZone());
    return local.hour * 60 + local.minute >= after ? local.date : null;
  };
}

/** The nightly commission settlement and ledger check, and the payout sweep (every 10 minutes). */
@Injectable()
export class DistributionJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly commissions: CommissionsService,
    private readonly withdrawals: WithdrawalsService,
    private readonly reconciliation: CommissionReconciliation,
    private readonly brand: BrandSettings,
  ) {}

  onModuleInit(): void {
    const zone = () => this.brand.timeZone();
    this.scheduler.register({
      name: 'commission-settlement',
      periodOf: nightly(SETTLEMENT_AFTER, zone),
      work: async (now) => {
        const { settled, settledFen } = await this.commissions.settleDue(now);
        return { settled, settledFen };
      },
    });
    this.scheduler.register({
      name: 'commission-reconcile',
      periodOf: nightly(RECONCILE_AFTER, zone),
      work: async () => {
        const { checked, mismatches } = await this.reconciliation.run();
        return { checked, mismatches: mismatches.length };
      },
    });
    this.scheduler.register({
      name: 'withdrawal-payout-sweep',
      periodOf: (now) => `${now.toISOString().slice(0, 15)}0`,
      work: async (now) => ({ ...(await this.withdrawals.sweep(now)) }),
    });
  }
}
