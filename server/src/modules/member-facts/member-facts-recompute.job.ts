import { Injectable, type OnModuleInit } from '@nestjs/common';
import { localCalendar } from '@tidepool/shared';
import { Transactions } from '../../common/database/transactions';
import { BrandSettings } from '../brand';
import { JobScheduler } from '../jobs';
import { MembersService } from '../members';
import { MemberFactsService, type RecomputeCounts } from './member-facts.service';

/** Runs after 03:30 in the brand zone, when the shops are closed and the night's other jobs are done. */
const DUE_AFTER_MINUTES = 3 * 60 + 30;
export const RECOMPUTE_BATCH = 1000;

/**
 * The nightly check of the member facts read model: every live member's facts recomputed from the raw purchases
 * with set-based reads, one member-id range per transaction, compared with the stored rows and repaired where
 * they differ. Stages are judged again too, because time alone moves them (a purchase leaves the 365-day window,
 * a member slips into decline): those changes are recorded like any other.
 */
@Injectable()
export class MemberFactsRecomputeJob implements OnModuleInit {
  constructor(
    private readonly facts: MemberFactsService,
    private readonly members: MembersService,
    private readonly transactions: Transactions,
    private readonly scheduler: JobScheduler,
    private readonly brand: BrandSettings,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'member-facts-recompute',
      periodOf: (now) => {
        const local = localCalendar(now, this.brand.timeZone(now));
        return local.hour * 60 + local.minute >= DUE_AFTER_MINUTES ? local.date : null;
      },
      work: async (now) => ({ ...(await this.run(now)) }),
    });
  }

  async run(now: Date, batch = RECOMPUTE_BATCH): Promise<RecomputeCounts & { batches: number }> {
    const totals = { checked: 0, repaired: 0, stageChanges: 0, batches: 0 };
    for (let after = 0; ;) {
      const ids = await this.members.signedUpIdsPage(after, batch);
      if (ids.length === 0) break;
      // From just after the previous range, so that rows of members gone in between are found too.
      const from = after + 1;
      const to = ids[ids.length - 1];
      const counts = await this.transactions.run((manager) => this.facts.recomputeRange(from, to, now, manager));
      totals.checked += counts.checked;
      totals.repaired += counts.repaired;
      totals.stageChanges += counts.stageChanges;
      totals.batches++;
      after = to;
    }
    return totals;
  }
}
