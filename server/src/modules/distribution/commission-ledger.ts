import { Injectable } from '@nestjs/common';
import type { LedgerEntryType } from '@tidepool/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { CommissionEntry, PromoterAccount } from './distribution.entities';

export interface LedgerPosting {
  promoterId: number;
  type: LedgerEntryType;
  pendingDeltaFen?: number;
  availableDeltaFen?: number;
  /** Moves between withdrawing and withdrawn (not ledger buckets of their own, shown on the account). */
  withdrawingDeltaFen?: number;
  withdrawnDeltaFen?: number;
  earnedDeltaFen?: number;
  commissionId?: number | null;
  orderId?: number | null;
  withdrawalId?: number | null;
  dedupeKey: string;
  note: string;
}

/**
 * Writes the commission ledger: one append-only entry per balance change and the account's running balances,
 * always in the caller's transaction. The entry's unique dedupe key makes a posting apply once: a second posting
 * of the same fact finds the key and changes nothing.
 */
@Injectable()
export class CommissionLedger {
  constructor(private readonly clock: Clock) {}

  /** True when applied now, false when this fact was already in the ledger. */
  async post(manager: EntityManager, p: LedgerPosting): Promise<boolean> {
    const seen = await manager.getRepository(CommissionEntry).exist({ where: { dedupeKey: p.dedupeKey } });
    if (seen) return false;
    await manager.getRepository(CommissionEntry).insert(this.entry(p));
    await this.adjust(manager, p.promoterId, p);
    return true;
  }

  /**
   * The entry alone, for a caller that has already moved the balances itself with a conditional UPDATE (a
   * withdrawal takes `available` only when it covers the amount).
   */
  async record(manager: EntityManager, p: LedgerPosting): Promise<void> {
    await manager.getRepository(CommissionEntry).insert(this.entry(p));
  }

  /** Many postings known to be new (the caller holds their rows): multi-row INSERTs and one UPDATE for the batch. */
  async postMany(manager: EntityManager, postings: LedgerPosting[]): Promise<void> {
    if (postings.length === 0) return;
    for (let i = 0; i < postings.length; i += 500) {
      // updateEntity(false): no read-back of the generated columns (on SQLite that is one huge OR per batch).
      await manager
        .createQueryBuilder()
        .insert()
        .into(CommissionEntry)
        .values(postings.slice(i, i + 500).map((p) => this.entry(p)))
        .updateEntity(false)
        .execute();
    }
    const byPromoter = new Map<number, { pending: number; available: number; earned: number }>();
    for (const p of postings) {
      if (p.withdrawingDeltaFen || p.withdrawnDeltaFen) throw new Error('postMany moves pending/available only');
      const sum = byPromoter.get(p.promoterId) ?? { pending: 0, available: 0, earned: 0 };
      sum.pending += p.pendingDeltaFen ?? 0;
      sum.available += p.availableDeltaFen ?? 0;
      sum.earned += p.earnedDeltaFen ?? 0;
      byPromoter.set(p.promoterId, sum);
    }
    await this.openMany(manager, [...byPromoter.keys()]);
    // One UPDATE for the whole batch: a CASE per balance, keyed by promoter (integers we computed, inlined).
    const ids = [...byPromoter.keys()].sort((a, b) => a - b);
    const caseOf = (pick: (d: { pending: number; available: number; earned: number }) => number, column: string) =>
      `${column} + CASE promoterId ${ids.map((id) => `WHEN ${id} THEN ${int(pick(byPromoter.get(id)!))}`).join(' ')} ELSE 0 END`;
    await manager
      .createQueryBuilder()
      .update(PromoterAccount)
      .set({
        pendingFen: () => caseOf((d) => d.pending, 'pendingFen'),
        availableFen: () => caseOf((d) => d.available, 'availableFen'),
        totalEarnedFen: () => caseOf((d) => d.earned, 'totalEarnedFen'),
      })
      .where('promoterId IN (:...ids)', { ids })
      .execute();
  }

  private async openMany(manager: EntityManager, promoterIds: number[]): Promise<void> {
    if (promoterIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(PromoterAccount)
      .values(
        promoterIds.map((promoterId) => ({
          promoterId,
          pendingFen: 0,
          availableFen: 0,
          withdrawingFen: 0,
          withdrawnFen: 0,
          totalEarnedFen: 0,
        })),
      )
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** Makes sure the account row exists (idempotent). */
  async open(manager: EntityManager, promoterId: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(PromoterAccount)
      .values({ promoterId, pendingFen: 0, availableFen: 0, withdrawingFen: 0, withdrawnFen: 0, totalEarnedFen: 0 })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  private entry(p: LedgerPosting): Partial<CommissionEntry> {
    return {
      promoterId: p.promoterId,
      type: p.type,
      pendingDeltaFen: p.pendingDeltaFen ?? 0,
      availableDeltaFen: p.availableDeltaFen ?? 0,
      commissionId: p.commissionId ?? null,
      orderId: p.orderId ?? null,
      withdrawalId: p.withdrawalId ?? null,
      dedupeKey: p.dedupeKey,
      note: p.note.slice(0, 255),
      createdAt: this.clock.now(),
    };
  }

  /** Moves account balances without a ledger entry (withdrawing → withdrawn when a payout succeeds). */
  async adjust(manager: EntityManager, promoterId: number, p: Partial<LedgerPosting>): Promise<void> {
    await this.open(manager, promoterId);
    const pending = p.pendingDeltaFen ?? 0;
    const available = p.availableDeltaFen ?? 0;
    const withdrawing = p.withdrawingDeltaFen ?? 0;
    const withdrawn = p.withdrawnDeltaFen ?? 0;
    const earned = p.earnedDeltaFen ?? 0;
    if (!pending && !available && !withdrawing && !withdrawn && !earned) return;
    await manager
      .createQueryBuilder()
      .update(PromoterAccount)
      .set({
        pendingFen: () => `pendingFen + ${Math.trunc(pending)}`,
        availableFen: () => `availableFen + ${Math.trunc(available)}`,
        withdrawingFen: () => `withdrawingFen + ${Math.trunc(withdrawing)}`,
        withdrawnFen: () => `withdrawnFen + ${Math.trunc(withdrawn)}`,
        totalEarnedFen: () => `totalEarnedFen + ${Math.trunc(earned)}`,
      })
      .where('promoterId = :promoterId', { promoterId })
      .execute();
  }
}

/** An integer to inline into SQL; anything else is a programming error. */
function int(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer amount: ${value}`);
  return String(value);
}
