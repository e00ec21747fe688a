/**
 * Member tiers (等级), driven by growth value (成长值, 10 per yuan paid). The table is brand configuration; this
 * default is docs/domain.md's. Pure functions so the member card the phone draws and the tier the server records
 * come from one rule.
 */
export const TIER_CODES = ['NORMAL', 'SILVER', 'GOLD'] as const;
export type TierCode = (typeof TIER_CODES)[number];

export interface TierRule {
  code: TierCode;
  name: string;
  /** Lowest growth value of the tier (inclusive). The first tier starts at 0. */
  minGrowth: number;
  /** Points earned per yuan paid, in tenths (15 = 1.5 points per yuan); rounded down per purchase. */
  pointsPerYuanTenths: number;
  /** Wednesday member-day discount for this tier, in fen (spend the threshold, get this off). */
  memberDayDiscountFen: number;
}

export type TierTable = readonly TierRule[];

export const DEFAULT_TIER_TABLE: TierTable = [
  { code: 'NORMAL', name: '普卡', minGrowth: 0, pointsPerYuanTenths: 10, memberDayDiscountFen: 600 },
  { code: 'SILVER', name: '银卡', minGrowth: 3000, pointsPerYuanTenths: 15, memberDayDiscountFen: 800 },
  { code: 'GOLD', name: '金卡', minGrowth: 6000, pointsPerYuanTenths: 20, memberDayDiscountFen: 1000 },
];

/** Growth earned for a payment: 10 per whole yuan paid (docs/domain.md), rounded down. */
export const GROWTH_PER_YUAN = 10;

export function growthForPaidFen(paidFen: number): number {
  return Math.floor(paidFen / 100) * GROWTH_PER_YUAN;
}

/** The tier a growth value falls in. Growth below zero (cannot happen in a sane ledger) counts as the first tier. */
export function tierFor(growth: number, table: TierTable = DEFAULT_TIER_TABLE): TierRule {
  let current = table[0];
  for (const tier of table) if (growth >= tier.minGrowth) current = tier;
  return current;
}

export function tierByCode(code: TierCode, table: TierTable = DEFAULT_TIER_TABLE): TierRule {
  const tier = table.find((t) => t.code === code);
  if (!tier) throw new Error(`unknown tier ${code}`);
  return tier;
}

export interface TierProgress {
  current: TierRule;
  /** Null at the top tier. */
  next: TierRule | null;
  /** Growth still needed for the next tier; 0 at the top. */
  growthToNext: number;
  /** Progress through the current tier towards the next, 0..1000 (‰) so it stays an integer; 1000 at the top. */
  permille: number;
}

export function tierProgress(growth: number, table: TierTable = DEFAULT_TIER_TABLE): TierProgress {
  const current = tierFor(growth, table);
  const next = table.find((t) => t.minGrowth > current.minGrowth) ?? null;
  if (!next) return { current, next: null, growthToNext: 0, permille: 1000 };
  const span = next.minGrowth - current.minGrowth;
  const done = Math.max(0, growth - current.minGrowth);
  return { current, next, growthToNext: next.minGrowth - growth, permille: Math.floor((done * 1000) / span) };
}
