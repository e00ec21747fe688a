import type { GrowthRules, MemberFacts } from './growth-rules';

const DAY_MS = 86_400_000;

export const LIFECYCLE_STAGES = ['INTRODUCTION', 'GROWTH', 'MATURITY', 'DECLINE', 'CHURNED'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const LIFECYCLE_STAGE_LABELS: Record<LifecycleStage, string> = {
  INTRODUCTION: '引入',
  GROWTH: '成长',
  MATURITY: '成熟',
  DECLINE: '衰退',
  CHURNED: '流失',
};

export const RELATIONSHIP_LEVELS = ['PROSPECT', 'FAN', 'CUSTOMER', 'REGULAR', 'AMBASSADOR'] as const;
export type RelationshipLevel = (typeof RELATIONSHIP_LEVELS)[number];

export const RELATIONSHIP_LEVEL_LABELS: Record<RelationshipLevel, string> = {
  PROSPECT: '潜客',
  FAN: '粉丝',
  CUSTOMER: '顾客',
  REGULAR: '熟客',
  AMBASSADOR: '大使',
};

/**
 * Ages are elapsed time between instants (fractional days), not calendar days: a stage is about how long it has
 * been, and judging it on instants keeps it independent of the zone a person happens to read it in.
 */
function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

/** A bought member's last purchase is old enough to worry about, but not yet churned. */
function atRisk(daysSinceLast: number, typicalGapDays: number | null, rules: GrowthRules): boolean {
  if (daysSinceLast > rules.churnAfterDays) return false;
  if (daysSinceLast >= rules.atRiskFromDays) return true;
  // A member who usually comes weekly is slipping well before the fixed threshold; their own rhythm says so.
  return typicalGapDays !== null && daysSinceLast > rules.atRiskGapMultiple * typicalGapDays;
}

/** What a stage row is judged on: the facts plus the ages derived from `now`. */
export interface StageInput {
  facts: MemberFacts;
  /** Null when the member never bought. */
  daysSinceFirst: number | null;
  daysSinceLast: number | null;
}

export interface LifecycleRow {
  /** A stable name for the row, for tests and explanations. */
  id: string;
  stage: LifecycleStage;
  when: (input: StageInput, rules: GrowthRules) => boolean;
}

/**
 * The lifecycle, ordered; the first row that matches decides. With d = days since the last purchase and
 * f = days since the first purchase (elapsed, on instants):
 *  1. NO_PURCHASE  no purchase at all                                                   → INTRODUCTION
 *  2. CHURNED      d > churnAfterDays (120)                                             → CHURNED
 *  3. GOLDEN       f ≤ goldenWindowDays (14), end inclusive                             → GROWTH
 *  4. SLIPPING     orders365 ≥ repeatOrders (2) and at risk: atRiskFromDays (30) ≤ d, or
 *                  d > atRiskGapMultiple (2) × typicalGapDays; always with d ≤ 120      → DECLINE
 *  5. FREQUENT     orders365 ≥ frequentOrders (4), and (by the rows above) recent        → MATURITY
 *  6. BOUGHT       any other buyer (fewer than frequentOrders, not slipping)            → GROWTH
 * A single-purchase member is never DECLINE: they have no rhythm to slip from, so they stay GROWTH until churned.
 */
export const LIFECYCLE_TABLE: readonly LifecycleRow[] = [
  { id: 'NO_PURCHASE', stage: 'INTRODUCTION', when: (i) => i.daysSinceLast === null || i.daysSinceFirst === null },
  { id: 'CHURNED', stage: 'CHURNED', when: (i, r) => i.daysSinceLast !== null && i.daysSinceLast > r.churnAfterDays },
  {
    id: 'GOLDEN',
    stage: 'GROWTH',
    when: (i, r) => i.daysSinceFirst !== null && i.daysSinceFirst <= r.goldenWindowDays,
  },
  {
    id: 'SLIPPING',
    stage: 'DECLINE',
    when: (i, r) =>
      i.daysSinceLast !== null &&
      i.facts.orders365 >= r.repeatOrders &&
      atRisk(i.daysSinceLast, i.facts.typicalGapDays, r),
  },
  { id: 'FREQUENT', stage: 'MATURITY', when: (i, r) => i.facts.orders365 >= r.frequentOrders },
  { id: 'BOUGHT', stage: 'GROWTH', when: () => true },
];

function stageInput(facts: MemberFacts, now: Date): StageInput {
  return {
    facts,
    daysSinceFirst: facts.firstPurchaseAt ? daysBetween(facts.firstPurchaseAt, now) : null,
    daysSinceLast: facts.lastPurchaseAt ? daysBetween(facts.lastPurchaseAt, now) : null,
  };
}

/** The row of LIFECYCLE_TABLE that decides this member's stage (the last row always matches). */
export function lifecycleRow(facts: MemberFacts, now: Date, rules: GrowthRules): LifecycleRow {
  const input = stageInput(facts, now);
  const row = LIFECYCLE_TABLE.find((r) => r.when(input, rules));
  if (!row) throw new Error('LIFECYCLE_TABLE must end with a row that always matches');
  return row;
}

export function lifecycleStage(facts: MemberFacts, now: Date, rules: GrowthRules): LifecycleStage {
  return lifecycleRow(facts, now, rules).stage;
}

export interface RelationshipRow {
  id: string;
  level: RelationshipLevel;
  when: (facts: MemberFacts, rules: GrowthRules) => boolean;
}

/**
 * The relationship ladder, ordered; the first row that matches decides:
 *  1. VISITOR     not signed up                                                     → PROSPECT (潜客)
 *  2. PROMOTER    a promoter with ≥ ambassadorMinCustomers (1) customers who bought   → AMBASSADOR (大使)
 *  3. NO_PURCHASE a member who never bought                                         → FAN (粉丝)
 *  4. REPEAT      orders365 ≥ repeatOrders (2)                                      → REGULAR (熟客)
 *  5. BOUGHT      any other buyer                                                   → CUSTOMER (顾客)
 * An ambassador need not buy themselves: what makes them one is that their customers do.
 */
export const RELATIONSHIP_TABLE: readonly RelationshipRow[] = [
  { id: 'VISITOR', level: 'PROSPECT', when: (f) => !f.signedUp },
  {
    id: 'PROMOTER',
    level: 'AMBASSADOR',
    when: (f, r) => f.isPromoter && f.promoterCustomersWhoBought >= r.ambassadorMinCustomers,
  },
  { id: 'NO_PURCHASE', level: 'FAN', when: (f) => f.firstPurchaseAt === null || f.lastPurchaseAt === null },
  { id: 'REPEAT', level: 'REGULAR', when: (f, r) => f.orders365 >= r.repeatOrders },
  { id: 'BOUGHT', level: 'CUSTOMER', when: () => true },
];

/** The row of RELATIONSHIP_TABLE that decides this member's level (the last row always matches). */
export function relationshipRow(facts: MemberFacts, rules: GrowthRules): RelationshipRow {
  const row = RELATIONSHIP_TABLE.find((r) => r.when(facts, rules));
  if (!row) throw new Error('RELATIONSHIP_TABLE must end with a row that always matches');
  return row;
}

export function relationshipLevel(facts: MemberFacts, rules: GrowthRules): RelationshipLevel {
  return relationshipRow(facts, rules).level;
}

/**
 * A frequent member (≥ frequentOrders in 365 days) who is at risk: last purchase between atRiskFromDays and
 * churnAfterDays ago (both ends inclusive), or longer ago than atRiskGapMultiple × their typical gap (still within
 * churnAfterDays). These enter the first win-back wave. It is judged through the stage so that a candidate is
 * always in DECLINE: a member still in the golden window gets the golden-window offer, not a win-back coupon, even
 * when a very short typical gap would already call them at risk.
 */
export function isWinBackCandidate(facts: MemberFacts, now: Date, rules: GrowthRules): boolean {
  return facts.orders365 >= rules.frequentOrders && lifecycleStage(facts, now, rules) === 'DECLINE';
}
