import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { planExpire } from '@tidepool/shared';
import type { Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { LOYALTY_OPTIONS, type LoyaltyOptions } from './loyalty.options';
import type { ExpireReport } from './loyalty.types';
import { PointsLot } from './points-lot.entity';
import { PointsLedgerWriter } from './points-ledger.writer';

/**
 * The nightly expiry of due lots (积分过期). Safe on several replicas at once: each member is expired under their
 * account lock with lot updates conditional on the values read (the claim), and each lot's EXPIRE entry has its
 * own idempotency key (`points_lot:<id>:EXPIRE`), so a lot is expired exactly once whoever gets there first.
 */
@Injectable()
export class PointsExpiryService {
  private readonly logger = new Logger('PointsExpiry');

  constructor(
    @InjectRepository(PointsLot) private readonly lots: Repository<PointsLot>,
    private readonly writer: PointsLedgerWriter,
    private readonly clock: Clock,
    @Inject(LOYALTY_OPTIONS) private readonly options: LoyaltyOptions,
  ) {}

  /** Expires every lot due at `now` (the clock's now by default). */
  async expireDue(now: Date = this.clock.now()): Promise<ExpireReport> {
    const report: ExpireReport = { members: 0, lots: 0, points: 0 };
    // Keyset over member ids, so a member whose expiry fails is not retried forever in this run.
    let after = 0;
    for (;;) {
      const rows = await this.lots
        .createQueryBuilder('l')
        .select('l.memberId', 'memberId')
        .distinct(true)
        .where('l.status = :active AND l.expiresAt <= :now AND l.memberId > :after', { active: 'ACTIVE', now, after })
        .orderBy('l.memberId', 'ASC')
        .limit(this.options.expireBatchSize)
        .getRawMany<{ memberId: number | string }>();
      if (rows.length === 0) break;
      for (const row of rows) {
        const memberId = Number(row.memberId);
        after = memberId;
        const expired = await this.expireMember(memberId, now);
        if (expired.lots > 0) {
          report.members += 1;
          report.lots += expired.lots;
          report.points += expired.points;
        }
      }
    }
    if (report.lots > 0) this.logger.log({ msg: 'points expired', ...report, at: now.toISOString() });
    return report;
  }

  /** Expires one member's due lots; another replica that got there first leaves nothing to do. */
  async expireMember(memberId: number, now: Date): Promise<{ lots: number; points: number }> {
    const result = await this.writer.withLockedAccount(memberId, async (manager, account) => {
      const expiry = planExpire(await this.writer.state(manager, account), now);
      if (expiry.expired.length === 0) return { lots: 0, points: 0 };
      await this.writer.write(manager, account, expiry, null, now);
      return { lots: expiry.expired.length, points: expiry.expired.reduce((sum, step) => sum + step.points, 0) };
    });
    return result ?? { lots: 0, points: 0 };
  }
}
