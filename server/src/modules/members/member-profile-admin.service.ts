import { Injectable } from '@nestjs/common';
import {
  type AdminGrowthAdjustmentResponse,
  type AdminGrowthEntryView,
  type AdminMemberConsentsView,
  type AdminPointsLotView,
  type Page,
  type PageQuery,
  type PersonalDataExport,
  tierByCode,
  type VoucherView,
} from '@tidepool/shared';
import type { Principal, StoreScope } from '../../common/auth/principal';
import { Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { AuditLog } from '../audit';
import { BrandSettings } from '../brand';
import { LEDGER_UNIT, LoyaltyService } from '../loyalty';
import { MemberDeletionRequests } from './deletion-requests.service';
import type { AdminGrowthAdjustmentDto } from './dto/admin-members.requests';
import type { Member } from './member.entity';
import { MembersService } from './members.service';
import { PersonalDataService } from './personal-data.service';
import { VouchersService } from './vouchers.service';

/**
 * The member profile's tabs in the console that the members module owns (growth, points lots, vouchers,
 * consents, the PIPL export) and the operator's growth correction. A store manager sees the members who signed
 * up at their store; another store's member is "not found", never "forbidden".
 */
@Injectable()
export class MemberProfileAdmin {
  constructor(
    private readonly members: MembersService,
    private readonly loyalty: LoyaltyService,
    private readonly vouchers: VouchersService,
    private readonly personalData: PersonalDataService,
    private readonly deletionRequests: MemberDeletionRequests,
    private readonly brand: BrandSettings,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  /** The member if the caller may see them: signed up, not deleted, and in the store manager's store. */
  async requireMember(memberId: number, scope: StoreScope): Promise<Member> {
    const member = await this.members.findById(memberId);
    if (!member || member.signedUpAt === null) throw new DomainException('MEMBER_NOT_FOUND');
    if (scope.storeId !== null && member.signupStoreId !== scope.storeId) throw new DomainException('MEMBER_NOT_FOUND');
    return member;
  }

  async growthLedger(memberId: number, scope: StoreScope, page: PageQuery): Promise<Page<AdminGrowthEntryView>> {
    await this.requireMember(memberId, scope);
    const history = await this.loyalty.growthHistory(memberId, page);
    const tiers = this.brand.rules().tierTable;
    return {
      ...history,
      items: history.items.map((e) => ({
        ...e,
        tierAfterName: tierByCode(e.tierAfter, tiers).name,
        createdAt: e.createdAt.toISOString(),
      })),
    };
  }

  async pointsLots(memberId: number, scope: StoreScope, page: PageQuery): Promise<Page<AdminPointsLotView>> {
    await this.requireMember(memberId, scope);
    const lots = await this.loyalty.lots(memberId, page);
    return {
      ...lots,
      items: lots.items.map((l) => ({
        ...l,
        expiresAt: l.expiresAt.toISOString(),
        createdAt: l.createdAt.toISOString(),
      })),
    };
  }

  async memberVouchers(memberId: number, scope: StoreScope): Promise<{ items: VoucherView[] }> {
    await this.requireMember(memberId, scope);
    return { items: await this.vouchers.all(memberId) };
  }

  async consents(memberId: number, scope: StoreScope): Promise<AdminMemberConsentsView> {
    const member = await this.requireMember(memberId, scope);
    const pending = await this.deletionRequests.pendingOf(memberId);
    return {
      privacyConsentVersion: member.consentVersion,
      privacyConsentedAt: member.consentedAt?.toISOString() ?? null,
      signedUpAt: member.signedUpAt?.toISOString() ?? null,
      deletionRequestedAt: pending?.requestedAt.toISOString() ?? null,
      deletedAt: member.deletedAt?.toISOString() ?? null,
    };
  }

  /**
   * PIPL: the member's personal data as the shopper's own 导出 gives it (the same service), for a request made
   * by phone or in a store. The full phone is in it, so only brand operators may, and every export is audited.
   */
  async exportData(actor: Principal, memberId: number): Promise<PersonalDataExport> {
    await this.requireMember(memberId, { storeId: null });
    const data = await this.personalData.export(memberId);
    await this.audit.record({
      actor,
      action: 'member.personal_data_export',
      objectType: 'member',
      objectId: memberId,
      after: { exportedAt: data.exportedAt },
    });
    return data;
  }

  /**
   * Adds or deducts growth with a reason through the growth ledger, audited, in one unit of work. The tier
   * follows the new growth (up or down) as for a purchase or a refund. Below zero is refused whole.
   */
  async adjustGrowth(
    actor: Principal,
    memberId: number,
    request: AdminGrowthAdjustmentDto,
  ): Promise<AdminGrowthAdjustmentResponse> {
    await this.requireMember(memberId, { storeId: null });
    const rules = this.brand.rules();
    return this.transactions.run(async () => {
      const before = await this.loyalty.summary(memberId);
      const result = await this.loyalty.adjustGrowth(memberId, {
        sourceType: 'adjustment',
        sourceId: request.requestId,
        growth: request.growth,
        reason: request.reason,
      });
      const tier = tierByCode(result.tier, rules.tierTable);
      const response = {
        entryId: result.entryId,
        growth: result.growth,
        growthAfter: result.growthAfter,
        tier: { code: tier.code, name: tier.name },
      };
      if (result.replayed) return response;
      await this.audit.record({
        actor,
        action: 'member.growth_adjust',
        objectType: 'member',
        objectId: memberId,
        before: { growth: before.growth, tier: before.tier },
        after: { growth: result.growthAfter, tier: result.tier, change: result.growth, reason: request.reason },
      });
      return response;
      // The ledger runs at READ COMMITTED (and retries a unique-key race whole); this unit joins it on those terms.
    }, LEDGER_UNIT);
  }
}
