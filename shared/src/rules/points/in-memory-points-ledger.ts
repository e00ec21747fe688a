import {
  applyPlanToLots,
  type PointsBalance,
  type PointsEntryKind,
  type LedgerLot,
  type PointsPlan,
  planEarn,
  planExpire,
  planRedeem,
  planReverse,
} from './points-ledger';

export interface InMemoryPointsEntry {
  kind: PointsEntryKind;
  /** Signed: positive for earnings, negative for redemptions, expiries and reversals. */
  points: number;
  /** The lot it concerns: the lot an EARN created, or the lot an EXPIRE expired. */
  lotId: number | null;
  balanceAfter: PointsBalance;
}

/**
 * One member's ledger in memory, built only from the pure plan functions: the reference the property tests (and
 * the server's differential test) compare against. Mirrors the server: every operation expires due lots first.
 */
export class InMemoryPointsLedger {
  balance: PointsBalance = { available: 0, debt: 0 };
  lots: LedgerLot[] = [];
  readonly entries: InMemoryPointsEntry[] = [];
  private nextLotId = 1;

  earn(points: number, expiresAt: Date, now: Date): PointsPlan {
    const plan = planEarn(this.state(), points, expiresAt, now);
    const lotId = this.nextLotId++;
    this.apply(plan, { kind: 'EARN', points, lotId, balanceAfter: plan.balanceAfter });
    this.lots.push({
      id: lotId,
      points,
      remaining: plan.newLotRemaining,
      expiresAt,
      status: plan.newLotRemaining > 0 ? 'ACTIVE' : 'SPENT',
    });
    return plan;
  }

  redeem(points: number, now: Date): PointsPlan {
    const plan = planRedeem(this.state(), points, now);
    this.apply(plan, { kind: 'REDEEM', points: -points, lotId: null, balanceAfter: plan.balanceAfter });
    return plan;
  }

  reverse(points: number, now: Date, sourceLotId?: number): PointsPlan {
    const plan = planReverse(this.state(), points, now, sourceLotId);
    this.apply(plan, { kind: 'REVERSE', points: -points, lotId: null, balanceAfter: plan.balanceAfter });
    return plan;
  }

  expire(now: Date): PointsPlan {
    const plan = planExpire(this.state(), now);
    this.apply(plan, null);
    return plan;
  }

  /** The balance as the sum of entries: what `available - debt` must always equal. */
  entrySum(): number {
    return this.entries.reduce((total, entry) => total + entry.points, 0);
  }

  private state() {
    return { balance: this.balance, lots: this.lots };
  }

  private apply(plan: PointsPlan, entry: InMemoryPointsEntry | null): void {
    let available = this.balance.available;
    for (const step of plan.expired) {
      available -= step.points;
      this.entries.push({
        kind: 'EXPIRE',
        points: -step.points,
        lotId: step.lotId,
        balanceAfter: { available, debt: this.balance.debt },
      });
    }
    this.lots = applyPlanToLots(this.lots, plan);
    if (entry) this.entries.push(entry);
    this.balance = plan.balanceAfter;
  }
}
