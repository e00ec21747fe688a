/**
 * The points ledger (积分账本) as pure arithmetic: the server's ledger service loads a member's open lots and
 * balance under a lock, asks these functions what to write, and writes exactly that; the model test drives the
 * same functions with random operation sequences. No I/O, no clock: `now` is always passed in.
 *
 * - Earned points form a lot with an expiry. Spending takes from lots oldest-expiring first (FIFO by expiry,
 *   then by lot id), and a lot past its expiry is never spent: it is expired first, in the same operation.
 * - A reversal (refund clawback) takes from the lot the source earned first, then FIFO; whatever the available
 *   balance cannot cover becomes an explicit debt, never silently skipped.
 * - New earnings repay debt before they become available.
 * - Every operation's entries sum to its change in `available - debt`, so the balance equals the sum of entries.
 */
export const POINTS_ENTRY_KINDS = ['EARN', 'REDEEM', 'EXPIRE', 'REVERSE', 'ADJUST'] as const;
export type PointsEntryKind = (typeof POINTS_ENTRY_KINDS)[number];

/** ACTIVE while it has points left; SPENT once used up (or used to repay debt); EXPIRED when its expiry passed. */
export const POINTS_LOT_STATUSES = ['ACTIVE', 'SPENT', 'EXPIRED'] as const;
export type PointsLotStatus = (typeof POINTS_LOT_STATUSES)[number];

export interface LedgerLot {
  id: number;
  /** Points the lot was earned with. */
  points: number;
  /** Points still available in the lot (0 when spent or expired). */
  remaining: number;
  /** The first instant the lot is no longer usable. */
  expiresAt: Date;
  status: PointsLotStatus;
}

export interface PointsBalance {
  /** Points the member can spend. Never negative. */
  available: number;
  /** Points owed from reversals the balance could not cover; repaid from new earnings. Never negative. */
  debt: number;
}

export interface PointsLedgerState {
  balance: PointsBalance;
  /** The member's lots; only ACTIVE ones with points left matter. */
  lots: readonly LedgerLot[];
}

export type PointsLedgerErrorCode = 'POINTS_INSUFFICIENT' | 'INVALID_POINTS' | 'INVALID_EXPIRY';

export class PointsLedgerError extends Error {
  override readonly name = 'PointsLedgerError';

  constructor(
    readonly code: PointsLedgerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Points moved out of one lot (spent, reversed or expired). */
export interface LotTake {
  lotId: number;
  points: number;
  remainingAfter: number;
}

/** What one operation writes: the due lots it expires first, then its own effect. */
export interface PointsPlan {
  /** Lots past their expiry, expired before the operation (one EXPIRE entry each). */
  expired: LotTake[];
  /** Lots the operation spends or reverses from, in order. */
  takes: LotTake[];
  /** Earn: debt repaid from the new points before they become available. */
  repaid: number;
  /** Earn: the new lot's remaining points (earned minus repaid). */
  newLotRemaining: number;
  /** Reverse: the part the available balance could not cover, added to the debt. */
  debtAdded: number;
  /** The balance after the expiries alone (the EXPIRE entries' running balance ends here). */
  balanceAfterExpiry: PointsBalance;
  balanceAfter: PointsBalance;
}

/** Points amounts are positive safe integers; direction comes from the operation. */
export function assertPoints(points: number): void {
  if (!Number.isSafeInteger(points) || points <= 0) {
    throw new PointsLedgerError('INVALID_POINTS', `points must be a positive integer, got ${String(points)}`);
  }
}

/** Oldest-expiring first; lots expiring together are used in the order they were earned. */
export function compareLots(a: LedgerLot, b: LedgerLot): number {
  return a.expiresAt.getTime() - b.expiresAt.getTime() || a.id - b.id;
}

export function isLotOpen(lot: LedgerLot): boolean {
  return lot.status === 'ACTIVE' && lot.remaining > 0;
}

export function isLotDue(lot: LedgerLot, now: Date): boolean {
  return isLotOpen(lot) && lot.expiresAt.getTime() <= now.getTime();
}

/** Open lots past their expiry at `now`, oldest first. */
export function dueLots(lots: readonly LedgerLot[], now: Date): LedgerLot[] {
  return lots.filter((lot) => isLotDue(lot, now)).sort(compareLots);
}

/** Open lots still usable at `now`, in spending order. */
export function usableLots(lots: readonly LedgerLot[], now: Date): LedgerLot[] {
  return lots.filter((lot) => isLotOpen(lot) && !isLotDue(lot, now)).sort(compareLots);
}

/** Takes up to `points` from the lots in spending order, a preferred lot first; reports what could not be taken. */
export function takeFromLots(
  lots: readonly LedgerLot[],
  points: number,
  now: Date,
  preferLotId?: number,
): { takes: LotTake[]; shortfall: number } {
  const ordered = usableLots(lots, now);
  const preferred = ordered.findIndex((lot) => lot.id === preferLotId);
  if (preferred > 0) ordered.unshift(...ordered.splice(preferred, 1));
  const takes: LotTake[] = [];
  let left = points;
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    takes.push({ lotId: lot.id, points: take, remainingAfter: lot.remaining - take });
    left -= take;
  }
  return { takes, shortfall: left };
}

function planExpiries(state: PointsLedgerState, now: Date): { expired: LotTake[]; balance: PointsBalance } {
  const expired = dueLots(state.lots, now).map((lot) => ({ lotId: lot.id, points: lot.remaining, remainingAfter: 0 }));
  const total = sum(expired);
  return { expired, balance: { available: state.balance.available - total, debt: state.balance.debt } };
}

function emptyPlan(expired: LotTake[], balance: PointsBalance): PointsPlan {
  return {
    expired,
    takes: [],
    repaid: 0,
    newLotRemaining: 0,
    debtAdded: 0,
    balanceAfterExpiry: balance,
    balanceAfter: balance,
  };
}

/** Expires every due lot (the nightly job, or the first step of any operation). */
export function planExpire(state: PointsLedgerState, now: Date): PointsPlan {
  const { expired, balance } = planExpiries(state, now);
  return emptyPlan(expired, balance);
}

/** Earns `points` into a new lot expiring at `expiresAt`; debt is repaid first. */
export function planEarn(state: PointsLedgerState, points: number, expiresAt: Date, now: Date): PointsPlan {
  assertPoints(points);
  if (!(expiresAt.getTime() > now.getTime())) {
    throw new PointsLedgerError('INVALID_EXPIRY', 'points must expire after they are earned');
  }
  const { expired, balance } = planExpiries(state, now);
  const repaid = Math.min(balance.debt, points);
  return {
    ...emptyPlan(expired, balance),
    repaid,
    newLotRemaining: points - repaid,
    balanceAfter: { available: balance.available + points - repaid, debt: balance.debt - repaid },
  };
}

/** Spends `points` oldest-expiring first; refuses (POINTS_INSUFFICIENT) rather than go below zero. */
export function planRedeem(state: PointsLedgerState, points: number, now: Date): PointsPlan {
  assertPoints(points);
  const { expired, balance } = planExpiries(state, now);
  const { takes, shortfall } = takeFromLots(state.lots, points, now);
  if (shortfall > 0 || balance.available < points) {
    throw new PointsLedgerError('POINTS_INSUFFICIENT', `needs ${points} points, ${balance.available} available`);
  }
  return {
    ...emptyPlan(expired, balance),
    takes,
    balanceAfter: { available: balance.available - points, debt: balance.debt },
  };
}

/**
 * Takes back `points` (a refund of what a purchase earned, or a negative adjustment): from the source's own lot
 * first, then oldest-expiring first; the rest is recorded as debt.
 */
export function planReverse(state: PointsLedgerState, points: number, now: Date, sourceLotId?: number): PointsPlan {
  assertPoints(points);
  const { expired, balance } = planExpiries(state, now);
  const { takes } = takeFromLots(state.lots, Math.min(points, balance.available), now, sourceLotId);
  const taken = sum(takes);
  const debtAdded = points - taken;
  return {
    ...emptyPlan(expired, balance),
    takes,
    debtAdded,
    balanceAfter: { available: balance.available - taken, debt: balance.debt + debtAdded },
  };
}

function sum(takes: readonly LotTake[]): number {
  return takes.reduce((total, take) => total + take.points, 0);
}

/** Applies a plan to the lots (returns new lot objects; the new earn lot is not included). */
export function applyPlanToLots(lots: readonly LedgerLot[], plan: PointsPlan): LedgerLot[] {
  const expired = new Map(plan.expired.map((t) => [t.lotId, t]));
  const taken = new Map(plan.takes.map((t) => [t.lotId, t]));
  return lots.map((lot) => {
    if (expired.has(lot.id)) return { ...lot, remaining: 0, status: 'EXPIRED' };
    const take = taken.get(lot.id);
    if (!take) return lot;
    return { ...lot, remaining: take.remainingAfter, status: take.remainingAfter === 0 ? 'SPENT' : 'ACTIVE' };
  });
}
