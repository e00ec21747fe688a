import { Injectable } from '@nestjs/common';
import { tierFor } from '@tidepool/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { DomainException } from '../../common/errors/domain.exception';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { GrowthEntry, type GrowthEntryKind } from './growth-entry.entity';
import {
  idempotencyKey,
  type NormalisedSource,
  normaliseSource,
  requireMemberId,
  requireNonZero,
  requirePositive,
  requireReason,
} from './loyalty-input';
import { LedgerRaceError, LoyaltyTransactions } from './loyalty-transactions';
import type { AddGrowthInput, AdjustGrowthInput, GrowthResult, ReverseGrowthInput } from './loyalty.types';
import { MemberTier } from './member-tier.entity';
import { TierChange } from './tier-change.entity';
import { BrandSettings } from '../brand';

export const DEFAULT_GROWTH_REVERSE_REASON = '退款扣回成长值';

/**
 * Growth value (成长值) and tiers. Each change is an append-only entry keyed like points entries, made under the
 * member's tier row lock; the tier is recomputed from the new growth every time and each change of tier is
 * recorded. Refunds reverse the growth of the purchase and can lower the tier.
 */
@Injectable()
export class GrowthService {
  constructor(
    private readonly tx: LoyaltyTransactions,
    private readonly clock: Clock,
    private readonly brand: BrandSettings,
  ) {}

  async addGrowth(memberId: number, input: AddGrowthInput): Promise<GrowthResult> {
    requireMemberId(memberId);
    const source = normaliseSource(input);
    const growth = requirePositive(input.growth, 'growth');
    const reason = requireReason(input.reason);
    return await this.execute(
      memberId,
      source,
      'EARN',
      (existing) => existing.growth === growth,
      (manager, row, now) => this.apply(manager, row, now, { kind: 'EARN', source, growth, reason, reverses: null }),
    );
  }

  /**
   * An operator's signed correction. One that would take growth below zero throws GROWTH_ADJUSTMENT_BELOW_ZERO
   * and writes nothing: it is decided under the tier row lock, so two deductions cannot both pass one balance.
   */
  async adjustGrowth(memberId: number, input: AdjustGrowthInput): Promise<GrowthResult> {
    requireMemberId(memberId);
    const source = normaliseSource(input);
    const growth = requireNonZero(input.growth, 'growth');
    const reason = requireReason(input.reason);
    return await this.execute(
      memberId,
      source,
      'ADJUST',
      (existing) => existing.growth === growth,
      (manager, row, now) => {
        if (row.growth + growth < 0) throw new DomainException('GROWTH_ADJUSTMENT_BELOW_ZERO');
        return this.apply(manager, row, now, { kind: 'ADJUST', source, growth, reason, reverses: null });
      },
    );
  }

  /** Takes back an earning's growth (default: this source's own EARN, all of what is left of it). */
  async reverseGrowth(memberId: number, input: ReverseGrowthInput): Promise<GrowthResult> {
    requireMemberId(memberId);
    const source = normaliseSource(input);
    const earnedBy = input.earnedBy ? normaliseSource(input.earnedBy, 'earnedBy') : source;
    const requested = input.growth === undefined ? undefined : requirePositive(input.growth, 'growth');
    const reason = input.reason === undefined ? DEFAULT_GROWTH_REVERSE_REASON : requireReason(input.reason);
    return await this.execute(
      memberId,
      source,
      'REVERSE',
      (existing) => requested === undefined || existing.growth === -requested,
      async (manager, row, now) => {
        const earned = await manager.findOneBy(GrowthEntry, { idempotencyKey: idempotencyKey(earnedBy, 'EARN') });
        if (!earned || earned.memberId !== memberId) throw new DomainException('LOYALTY_SOURCE_NOT_FOUND');
        const left = earned.growth - (await reversedSoFar(manager, earned.id));
        const growth = requested ?? left;
        if (growth <= 0 || growth > left) {
          throw new DomainException('VALIDATION_FAILED', `growth exceeds what is left of the earning (${left})`, [
            { field: 'growth', reason: `at most ${left}` },
          ]);
        }
        return this.apply(manager, row, now, { kind: 'REVERSE', source, growth: -growth, reason, reverses: earned.id });
      },
    );
  }

  private async execute(
    memberId: number,
    source: NormalisedSource,
    kind: GrowthEntryKind,
    matches: (existing: GrowthEntry) => boolean,
    work: (manager: EntityManager, row: MemberTier, now: Date) => Promise<GrowthEntry>,
  ): Promise<GrowthResult> {
    const key = idempotencyKey(source, kind);
    for (let attempt = 0; attempt < 2; attempt++) {
      const result = await this.tx.run(async (manager) => {
        const row = await this.tx
          .forUpdate(manager.createQueryBuilder(MemberTier, 't').where('t.memberId = :memberId', { memberId }))
          .getOne();
        if (!row) return null;
        const existing = await manager.findOneBy(GrowthEntry, { idempotencyKey: key });
        if (existing) {
          if (existing.memberId !== memberId || !matches(existing))
            throw new DomainException('LOYALTY_REQUEST_CONFLICT');
          return this.toResult(manager, existing, true);
        }
        return this.toResult(manager, await work(manager, row, this.clock.now()), false);
      });
      if (result) return result;
      await this.createRow(memberId);
    }
    throw new Error(`tier row of member ${memberId} could not be created`);
  }

  private async apply(
    manager: EntityManager,
    row: MemberTier,
    now: Date,
    change: {
      kind: GrowthEntryKind;
      source: NormalisedSource;
      growth: number;
      reason: string;
      reverses: number | null;
    },
  ): Promise<GrowthEntry> {
    const growthAfter = row.growth + change.growth;
    // Cannot happen while every reversal is bounded by its earning; a hand-edited row is for reconcile to report.
    if (growthAfter < 0) throw new Error(`growth of member ${row.memberId} would go negative`);
    const tierAfter = tierFor(growthAfter, this.brand.rules().tierTable).code;
    const entry: Omit<GrowthEntry, 'id'> = {
      memberId: row.memberId,
      kind: change.kind,
      growth: change.growth,
      growthAfter,
      tierAfter,
      idempotencyKey: idempotencyKey(change.source, change.kind),
      sourceType: change.source.sourceType,
      sourceId: change.source.sourceId,
      reversesEntryId: change.reverses,
      reason: change.reason,
      createdAt: now,
    };
    const inserted = await manager.insert(GrowthEntry, entry);
    const id = Number((inserted.identifiers[0] as { id: number }).id);
    if (tierAfter !== row.tier) {
      await manager.insert(TierChange, {
        memberId: row.memberId,
        fromTier: row.tier,
        toTier: tierAfter,
        growthAfter,
        growthEntryId: id,
        createdAt: now,
      });
    }
    const updated = await manager
      .createQueryBuilder()
      .update(MemberTier)
      .set({ growth: growthAfter, tier: tierAfter, version: () => 'version + 1', updatedAt: now })
      .where('memberId = :memberId AND version = :version', { memberId: row.memberId, version: row.version })
      .execute();
    if (updated.affected !== 1) throw new LedgerRaceError(`tier row of member ${row.memberId} changed under the lock`);
    return { ...entry, id };
  }

  private async toResult(manager: EntityManager, entry: GrowthEntry, replayed: boolean): Promise<GrowthResult> {
    const change = await manager.findOneBy(TierChange, { growthEntryId: entry.id });
    return {
      entryId: entry.id,
      growth: entry.growth,
      growthAfter: entry.growthAfter,
      tier: entry.tierAfter,
      tierChange: change ? { from: change.fromTier, to: change.toTier } : null,
      createdAt: entry.createdAt,
      replayed,
    };
  }

  /** The member's first growth creates the row at the first tier, in its own short transaction. */
  private async createRow(memberId: number): Promise<void> {
    const now = this.clock.now();
    const tier = tierFor(0, this.brand.rules().tierTable).code;
    await this.tx.run(async (manager) => {
      try {
        await manager.insert(MemberTier, { memberId, growth: 0, tier, version: 0, createdAt: now, updatedAt: now });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    });
  }
}

async function reversedSoFar(manager: EntityManager, earnEntryId: number): Promise<number> {
  const row = await manager
    .createQueryBuilder(GrowthEntry, 'g')
    .select('COALESCE(SUM(g.growth), 0)', 'total')
    .where('g.reversesEntryId = :id', { id: earnEntryId })
    .getRawOne<{ total: number | string }>();
  return -Number(row?.total ?? 0);
}
