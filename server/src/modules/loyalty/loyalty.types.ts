import type { PointsEntryKind, TierCode } from '@tidepool/shared';

/**
 * What caused a ledger entry. Together with the entry kind it is the idempotency key
 * (`sourceType:sourceId:kind`): the same source applies each kind once, however often it is sent.
 */
export interface LedgerSource {
  /** Lower-case name of the cause: `order`, `pos_sale`, `mall_redemption`, `adjustment`… */
  sourceType: string;
  sourceId: string | number;
}

export interface EarnPointsInput extends LedgerSource {
  points: number;
  /** Shown in the member's history (Chinese), e.g. 门店消费获得积分. */
  reason: string;
  /** Defaults to the end of the calendar year after this one in the brand's zone. */
  expiresAt?: Date;
}

export interface RedeemPointsInput extends LedgerSource {
  points: number;
  reason: string;
}

export interface ReversePointsInput extends LedgerSource {
  /** Defaults to everything the earning put in (what is left of it after earlier partial reversals). */
  points?: number;
  reason?: string;
  /** The earning taken back; defaults to this source's own EARN (a refund of the whole order). */
  earnedBy?: LedgerSource;
}

export interface AdjustPointsInput extends LedgerSource {
  /** Signed and non-zero: an operator's correction. A negative adjustment beyond the balance becomes debt. */
  points: number;
  reason: string;
  expiresAt?: Date;
}

/** The outcome of a ledger operation; a replay (same key again) answers with the first call's outcome. */
export interface PointsEntryResult {
  entryId: number;
  kind: PointsEntryKind;
  /** Signed change the entry records. */
  points: number;
  /** The balance right after the entry. */
  available: number;
  debt: number;
  createdAt: Date;
  /** True when the key had already been applied and nothing new was written. */
  replayed: boolean;
}

export interface AddGrowthInput extends LedgerSource {
  growth: number;
  reason: string;
}

export interface AdjustGrowthInput extends LedgerSource {
  /** Signed and non-zero: an operator's correction. One that would take growth below zero is refused. */
  growth: number;
  reason: string;
}

/** One line of the growth ledger (成长值明细), as the console's member profile shows it. */
export interface GrowthHistoryItem {
  id: number;
  kind: string;
  growth: number;
  growthAfter: number;
  tierAfter: TierCode;
  reason: string;
  createdAt: Date;
}

/** One points lot (积分批次) with its expiry, as the console's member profile shows it. */
export interface PointsLotItem {
  id: number;
  points: number;
  remaining: number;
  status: string;
  expiresAt: Date;
  createdAt: Date;
}

export interface ReverseGrowthInput extends LedgerSource {
  /** Defaults to what is left of the earning's growth. */
  growth?: number;
  reason?: string;
  earnedBy?: LedgerSource;
}

export interface TierChangeView {
  from: TierCode;
  to: TierCode;
}

export interface GrowthResult {
  entryId: number;
  /** Signed change. */
  growth: number;
  growthAfter: number;
  tier: TierCode;
  /** The tier change this entry caused, if any. */
  tierChange: TierChangeView | null;
  createdAt: Date;
  replayed: boolean;
}

export interface LoyaltySummary {
  /** Points spendable now. */
  points: number;
  /** Points owed from refunds, repaid from the next earnings. */
  debt: number;
  growth: number;
  tier: TierCode;
  /** The next expiry, when it is near: the points that expire at that instant. */
  expiringSoon: { points: number; at: Date } | null;
}

export interface PointsHistoryItem {
  id: number;
  kind: PointsEntryKind;
  points: number;
  reason: string;
  availableAfter: number;
  debtAfter: number;
  createdAt: Date;
}

export interface ExpireReport {
  members: number;
  lots: number;
  points: number;
}

export type LedgerCheck = 'POINTS_SUM' | 'POINTS_LOTS' | 'GROWTH_SUM' | 'TIER';

export interface LedgerMismatch {
  memberId: number;
  check: LedgerCheck;
  /** What the cached row says. */
  recorded: number | string;
  /** What the entries (or lots, or the tier table) say it should be. */
  expected: number | string;
}

export interface ReconcileReport {
  pointsAccounts: number;
  growthAccounts: number;
  mismatches: LedgerMismatch[];
}
