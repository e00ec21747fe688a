import type { LifecycleStage, RelationshipLevel } from '../rules/growth/lifecycle';

/** How many members are in one lifecycle stage (or relationship level), and their share of all counted members. */
export interface GrowthCountView<K extends string> {
  key: K;
  label: string;
  members: number;
  /** Share of the counted members, in basis points (0..10000). */
  shareBp: number;
}

/** Members moving from one stage (null: their first stage) to another within a period. */
export interface StageFlowView {
  kind: 'LIFECYCLE' | 'RELATIONSHIP';
  from: string | null;
  to: string;
  changes: number;
}

/** GET /api/admin/growth/lifecycle: the member base by stage and level, and the flows between stages. */
export interface LifecycleOverviewView {
  /** Members counted (a store manager's: those whose home store is theirs). */
  members: number;
  stages: GrowthCountView<LifecycleStage>[];
  levels: GrowthCountView<RelationshipLevel>[];
  flows7d: StageFlowView[];
  flows30d: StageFlowView[];
  /** The instant the counts were read (ISO). */
  asOf: string;
}

/** One change in a member's stage history. */
export interface StageChangeView {
  kind: 'LIFECYCLE' | 'RELATIONSHIP';
  from: string | null;
  to: string;
  enteredAt: string;
}

/** GET /api/admin/members/:id/facts: what the growth rules judge a member on, and where they stand. */
export interface MemberFactsView {
  memberId: number;
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
  orders365: number;
  spend365Fen: number;
  onlineOrders365: number;
  dropOrders365: number;
  tillOrders365: number;
  typicalGapDays: number | null;
  homeStoreId: number | null;
  promoterId: number | null;
  tierKey: string | null;
  birthMonth: number | null;
  stage: LifecycleStage;
  stageLabel: string;
  stageSince: string;
  relationship: RelationshipLevel;
  relationshipLabel: string;
  relationshipSince: string;
  updatedAt: string;
  /** Newest first. */
  history: StageChangeView[];
}
