import type { CampaignDefinition } from '../rules/growth/campaigns';

/** DRAFT (being written), ACTIVE (evaluated on its trigger), PAUSED (kept, not evaluated), ENDED (for good). */
export const CAMPAIGN_STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'ENDED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  DRAFT: '草稿',
  ACTIVE: '进行中',
  PAUSED: '已暂停',
  ENDED: '已结束',
};

/** What one evaluation of a campaign for a member and a triggering event came to. */
export const CAMPAIGN_GRANT_OUTCOMES = ['GRANTED', 'HELD_OUT', 'OVER_BUDGET', 'OVER_MEMBER_LIMIT'] as const;
export type CampaignGrantOutcome = (typeof CAMPAIGN_GRANT_OUTCOMES)[number];

/** GET /api/admin/campaigns (paged) and GET /api/admin/campaigns/:id. */
export interface AdminCampaignView {
  id: number;
  key: string;
  name: string;
  status: CampaignStatus;
  /** The version evaluated now (the latest). */
  version: number;
  definition: CampaignDefinition;
  /** Grants so far and their cost (the budget counter). */
  grantedCount: number;
  spentFen: number;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/admin/campaigns and PUT /api/admin/campaigns/:id (PUT adds a version). */
export interface AdminCampaignRequest {
  name: string;
  definition: CampaignDefinition;
}

/** GET /api/admin/campaigns/:id/versions, newest first. */
export interface AdminCampaignVersionView {
  version: number;
  definition: CampaignDefinition;
  createdBy: string;
  createdAt: string;
}

/** POST /api/admin/campaigns/dry-run */
export interface AdminCampaignDryRunRequest {
  definition: CampaignDefinition;
  /** Days of recorded purchases to replay, counted back from now (default 1). */
  days?: number;
  /** The key whose holdout applies (a draft's own key; omitted: no holdout). */
  key?: string;
}

export interface AdminCampaignDryRunResponse {
  days: number;
  /** Whether this trigger can be replayed over recorded purchases (only ORDER_PAID can). */
  replayable: boolean;
  /** Purchases replayed, and how many of them met the trigger. */
  purchases: number;
  qualifyingPurchases: number;
  /** Distinct members who would have received the action (after holdout and the per-member limit). */
  members: number;
  grants: number;
  heldOut: number;
  /** What those grants would have cost, in fen (before the budget). */
  costFen: number;
}

/** GET /api/admin/campaigns/:id/results */
export interface AdminCampaignResults {
  campaignId: number;
  granted: number;
  heldOut: number;
  overBudget: number;
  overMemberLimit: number;
  /** Coupons the campaign issued that have been used. */
  couponsUsed: number;
  costFen: number;
  /** Per version: what each version granted. */
  byVersion: { version: number; granted: number; heldOut: number; overBudget: number; costFen: number }[];
}
