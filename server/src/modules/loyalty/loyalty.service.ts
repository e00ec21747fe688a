import { Injectable } from '@nestjs/common';
import type { Page, PageQuery, TierCode } from '@tidepool/shared';
import { GrowthService } from './growth.service';
import { LoyaltyReconciliationService } from './loyalty-reconciliation.service';
import { LoyaltySummaryService } from './loyalty-summary.service';
import type {
  AddGrowthInput,
  AdjustGrowthInput,
  GrowthHistoryItem,
  PointsLotItem,
  AdjustPointsInput,
  EarnPointsInput,
  ExpireReport,
  GrowthResult,
  LoyaltySummary,
  PointsEntryResult,
  PointsHistoryItem,
  ReconcileReport,
  RedeemPointsInput,
  ReverseGrowthInput,
  ReversePointsInput,
} from './loyalty.types';
import { PointsExpiryService } from './points-expiry.service';
import { PointsLedgerService } from './points-ledger.service';

/**
 * The loyalty module's one door for other modules (members, orders, POS, points mall, jobs). Every write is one
 * transaction, idempotent by `sourceType:sourceId:kind`, and safe under concurrency on MySQL and SQLite.
 */
@Injectable()
export class LoyaltyService {
  constructor(
    private readonly points: PointsLedgerService,
    private readonly expiry: PointsExpiryService,
    private readonly growthLedger: GrowthService,
    private readonly reads: LoyaltySummaryService,
    private readonly reconciliation: LoyaltyReconciliationService,
  ) {}

  earn(memberId: number, input: EarnPointsInput): Promise<PointsEntryResult> {
    return this.points.earn(memberId, input);
  }

  /** Throws POINTS_INSUFFICIENT when the available balance is short (nothing is written). */
  redeem(memberId: number, input: RedeemPointsInput): Promise<PointsEntryResult> {
    return this.points.redeem(memberId, input);
  }

  /** Takes back an earning (refund); what the balance cannot cover becomes debt. */
  reverse(memberId: number, input: ReversePointsInput): Promise<PointsEntryResult> {
    return this.points.reverse(memberId, input);
  }

  adjust(memberId: number, input: AdjustPointsInput): Promise<PointsEntryResult> {
    return this.points.adjust(memberId, input);
  }

  addGrowth(memberId: number, input: AddGrowthInput): Promise<GrowthResult> {
    return this.growthLedger.addGrowth(memberId, input);
  }

  /** An operator's signed growth correction; refused (GROWTH_ADJUSTMENT_BELOW_ZERO) below zero. */
  adjustGrowth(memberId: number, input: AdjustGrowthInput): Promise<GrowthResult> {
    return this.growthLedger.adjustGrowth(memberId, input);
  }

  reverseGrowth(memberId: number, input: ReverseGrowthInput): Promise<GrowthResult> {
    return this.growthLedger.reverseGrowth(memberId, input);
  }

  /** Nightly: expire due lots. Safe to run on several replicas at once. */
  expireDue(now?: Date): Promise<ExpireReport> {
    return this.expiry.expireDue(now);
  }

  /** Nightly: compare every cached balance and tier with its ledger; mismatches are returned and logged. */
  reconcile(): Promise<ReconcileReport> {
    return this.reconciliation.reconcile();
  }

  summary(memberId: number): Promise<LoyaltySummary> {
    return this.reads.summary(memberId);
  }

  /** The member's tier (NORMAL before any growth). */
  async tierOf(memberId: number): Promise<TierCode> {
    return (await this.reads.tiersOf([memberId])).get(memberId) ?? 'NORMAL';
  }

  tiersOf(memberIds: readonly number[]): Promise<Map<number, TierCode>> {
    return this.reads.tiersOf(memberIds);
  }

  history(memberId: number, page?: PageQuery): Promise<Page<PointsHistoryItem>> {
    return this.reads.history(memberId, page);
  }

  /** The growth ledger (成长值明细), newest first. */
  growthHistory(memberId: number, page?: PageQuery): Promise<Page<GrowthHistoryItem>> {
    return this.reads.growthHistory(memberId, page);
  }

  /** The member's points lots (积分批次) with their expiry, the open ones first by expiry. */
  lots(memberId: number, page?: PageQuery): Promise<Page<PointsLotItem>> {
    return this.reads.lotsOf(memberId, page);
  }
}
