import type { TierBenefits } from '../rules/loyalty/tier-benefits';
import type { PointsEntryKind } from '../rules/points/points-ledger';
import type { MemberTierView } from './members.contract';

/** GET /api/loyalty/me/points: the balance the points page shows prominently. */
export interface PointsBalanceResponse {
  /** Points the member can spend now. */
  available: number;
  /** Points owed from refunds, repaid from the next earnings before they become available. */
  debt: number;
  /** The next expiry when it is near (30 days by default): the points that expire then. */
  expiringSoon: { points: number; at: string } | null;
}

/** One line of GET /api/loyalty/me/points/history?page=&pageSize= (积分明细), newest first. */
export interface PointsHistoryEntry {
  id: number;
  kind: PointsEntryKind;
  /** Signed: positive for earnings (and positive adjustments), negative for spending, expiry and clawbacks. */
  points: number;
  /** Why, in Chinese (e.g. 门店消费获得积分, 兑换礼品：帆布袋, 积分过期). */
  reason: string;
  /** The available balance right after this line. */
  availableAfter: number;
  createdAt: string;
}

/** Short Chinese labels of the entry kinds, for a tag beside the reason. */
export const POINTS_ENTRY_KIND_LABELS: Record<PointsEntryKind, string> = {
  EARN: '获得',
  REDEEM: '兑换',
  EXPIRE: '过期',
  REVERSE: '扣回',
  ADJUST: '调整',
};

/** GET /api/loyalty/me/tier: progress to the next tier and the benefits of every tier (会员等级). */
export interface TierResponse {
  growth: number;
  tier: MemberTierView;
  /** Null at the top tier. */
  nextTier: (MemberTierView & { minGrowth: number }) | null;
  growthToNextTier: number;
  /** Progress through the current tier towards the next, 0..1000; 1000 at the top. */
  progressPermille: number;
  /** Every tier, lowest first. */
  benefits: TierBenefits[];
}
