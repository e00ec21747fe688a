import { Injectable } from '@nestjs/common';
import type { AdminPointsAdjustmentResponse, AdminPointsEntryView, Page, PageQuery } from '@tidepool/shared';
import type { Principal } from '../../common/auth/principal';
import { Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { AuditLog } from '../audit';
import { LEDGER_UNIT, LoyaltyService } from '../loyalty';
import type { AdminPointsAdjustmentDto } from './dto/admin-members.requests';
import { MembersService } from './members.service';

/** A member's points in the console: the ledger, and an operator's correction through it. */
@Injectable()
export class MemberPointsAdmin {
  constructor(
    private readonly members: MembersService,
    private readonly loyalty: LoyaltyService,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  async ledger(memberId: number, page: PageQuery): Promise<Page<AdminPointsEntryView>> {
    await this.requireMember(memberId);
    const history = await this.loyalty.history(memberId, page);
    return { ...history, items: history.items.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) };
  }

  /**
   * Adds or deducts points with a reason, audited, in one unit of work. A deduction that would leave the balance
   * below zero rolls back whole: debt only arises from refunds, never from an operator's hand.
   */
  async adjust(
    actor: Principal,
    memberId: number,
    request: AdminPointsAdjustmentDto,
  ): Promise<AdminPointsAdjustmentResponse> {
    await this.requireMember(memberId);
    // The ledger runs at READ COMMITTED (and retries a unique-key race whole); this unit joins it on those terms.
    return this.transactions.run(async () => {
      const before = await this.loyalty.summary(memberId);
      const result = await this.loyalty.adjust(memberId, {
        sourceType: 'adjustment',
        sourceId: request.requestId,
        points: request.points,
        reason: request.reason,
      });
      // The ledger turns a deduction beyond the balance into debt; the result is read inside the same unit, so a
      // concurrent deduction cannot slip two corrections past one balance.
      if (result.debt > before.debt) throw new DomainException('POINTS_ADJUSTMENT_BELOW_ZERO');
      if (result.replayed) return { entryId: result.entryId, points: result.points, available: result.available };
      await this.audit.record({
        actor,
        action: 'member.points_adjust',
        objectType: 'member',
        objectId: memberId,
        before: { points: before.points },
        after: { points: result.available, change: result.points, reason: request.reason },
      });
      return { entryId: result.entryId, points: result.points, available: result.available };
    }, LEDGER_UNIT);
  }

  private async requireMember(memberId: number): Promise<void> {
    const member = await this.members.findById(memberId);
    if (!member || member.signedUpAt === null) throw new DomainException('MEMBER_NOT_FOUND');
  }
}
