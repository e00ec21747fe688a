import { Injectable } from '@nestjs/common';
import {
  type LedgerLot,
  type LotTake,
  type PointsEntryKind,
  PointsLedgerError,
  type PointsLedgerState,
  type PointsPlan,
} from '@tidepool/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { DomainException } from '../../common/errors/domain.exception';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { idempotencyKey, type NormalisedSource } from './loyalty-input';
import { LedgerRaceError, LoyaltyTransactions } from './loyalty-transactions';
import type { PointsEntryResult } from './loyalty.types';
import { PointsAccount } from './points-account.entity';
import { PointsEntry } from './points-entry.entity';
import { PointsLot } from './points-lot.entity';

export const EXPIRY_SOURCE_TYPE = 'points_lot';
export const EXPIRY_REASON = '积分过期';

export interface EntryDraft {
  kind: PointsEntryKind;
  points: number;
  source: NormalisedSource;
  reason: string;
  reversesEntryId: number | null;
}

export type LedgerWork = (manager: EntityManager, account: PointsAccount, now: Date) => Promise<PointsEntry>;

/**
 * The points ledger's persistence: locks a member's account, replays an already-applied key, and writes what a
 * pure plan (shared `points-ledger`) says, with every row change conditional on the value read under the lock.
 */
@Injectable()
export class PointsLedgerWriter {
  constructor(
    private readonly tx: LoyaltyTransactions,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs one keyed operation in one transaction: lock the account, answer a replay with the first result, else
   * do the work. `matches` tells a genuine replay from a different request reusing the key (a conflict).
   */
  async execute(
    memberId: number,
    key: string,
    matches: (existing: PointsEntry) => boolean,
    work: LedgerWork,
  ): Promise<PointsEntryResult> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const result = await this.tx.run(async (manager) => {
        const account = await this.lockAccount(manager, memberId);
        if (!account) return null;
        const existing = await manager.findOneBy(PointsEntry, { idempotencyKey: key });
        if (existing) {
          if (existing.memberId !== memberId || !matches(existing))
            throw new DomainException('LOYALTY_REQUEST_CONFLICT');
          return toResult(existing, true);
        }
        return toResult(await work(manager, account, this.clock.now()), false);
      });
      if (result) return result;
      await this.createAccount(memberId);
    }
    throw new Error(`points account of member ${memberId} could not be created`);
  }

  /** Runs unkeyed work (the expiry job) under the account lock; null when the member has no account. */
  withLockedAccount<T>(
    memberId: number,
    work: (manager: EntityManager, account: PointsAccount) => Promise<T>,
  ): Promise<T | null> {
    return this.tx.run(async (manager) => {
      const account = await this.lockAccount(manager, memberId);
      return account ? work(manager, account) : null;
    });
  }

  /** The account row, locked until the transaction ends (SELECT … FOR UPDATE on MySQL). */
  lockAccount(manager: EntityManager, memberId: number): Promise<PointsAccount | null> {
    return this.tx
      .forUpdate(manager.createQueryBuilder(PointsAccount, 'a').where('a.memberId = :memberId', { memberId }))
      .getOne();
  }

  /**
   * Creates the empty account in its own short transaction, so the operation's transaction only ever locks an
   * existing row (an INSERT that hits a duplicate inside it would take a shared lock and invite deadlocks).
   */
  private async createAccount(memberId: number): Promise<void> {
    const now = this.clock.now();
    await this.tx.run(async (manager) => {
      try {
        await manager.insert(PointsAccount, {
          memberId,
          available: 0,
          debt: 0,
          version: 0,
          createdAt: now,
          updatedAt: now,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    });
  }

  findEntry(manager: EntityManager, source: NormalisedSource, kind: PointsEntryKind): Promise<PointsEntry | null> {
    return manager.findOneBy(PointsEntry, { idempotencyKey: idempotencyKey(source, kind) });
  }

  /** The member's ACTIVE lots in spending order, as the pure ledger sees them. */
  async state(manager: EntityManager, account: PointsAccount): Promise<PointsLedgerState> {
    const lots = await manager.find(PointsLot, {
      where: { memberId: account.memberId, status: 'ACTIVE' },
      order: { expiresAt: 'ASC', id: 'ASC' },
    });
    return { balance: { available: account.available, debt: account.debt }, lots: lots.map(toLedgerLot) };
  }

  /**
   * Writes a plan: one EXPIRE entry per due lot, the lot changes, the operation's own entry (if any), and the
   * account. Returns the operation's entry.
   */
  async write(
    manager: EntityManager,
    account: PointsAccount,
    plan: PointsPlan,
    draft: EntryDraft,
    now: Date,
  ): Promise<PointsEntry>;
  async write(
    manager: EntityManager,
    account: PointsAccount,
    plan: PointsPlan,
    draft: null,
    now: Date,
  ): Promise<PointsEntry | null>;
  async write(
    manager: EntityManager,
    account: PointsAccount,
    plan: PointsPlan,
    draft: EntryDraft | null,
    now: Date,
  ): Promise<PointsEntry | null> {
    let available = account.available;
    for (const step of plan.expired) {
      await this.updateLot(manager, step, 'EXPIRED', now);
      available -= step.points;
      await this.insertEntry(
        manager,
        account.memberId,
        {
          kind: 'EXPIRE',
          points: -step.points,
          source: { sourceType: EXPIRY_SOURCE_TYPE, sourceId: String(step.lotId) },
          reason: EXPIRY_REASON,
          reversesEntryId: null,
        },
        { available, debt: account.debt },
        now,
      );
    }
    for (const take of plan.takes)
      await this.updateLot(manager, take, take.remainingAfter === 0 ? 'SPENT' : 'ACTIVE', now);
    const entry = draft ? await this.insertEntry(manager, account.memberId, draft, plan.balanceAfter, now) : null;
    await this.updateAccount(manager, account, plan.balanceAfter.available, plan.balanceAfter.debt, now);
    return entry;
  }

  async insertLot(
    manager: EntityManager,
    entry: PointsEntry,
    remaining: number,
    expiresAt: Date,
    now: Date,
  ): Promise<void> {
    await manager.insert(PointsLot, {
      memberId: entry.memberId,
      earnedEntryId: entry.id,
      points: entry.points,
      remaining,
      expiresAt,
      status: remaining > 0 ? 'ACTIVE' : 'SPENT',
      createdAt: now,
      updatedAt: now,
    });
  }

  private async insertEntry(
    manager: EntityManager,
    memberId: number,
    draft: EntryDraft,
    after: { available: number; debt: number },
    now: Date,
  ): Promise<PointsEntry> {
    const row: Omit<PointsEntry, 'id'> = {
      memberId,
      kind: draft.kind,
      points: draft.points,
      availableAfter: after.available,
      debtAfter: after.debt,
      idempotencyKey: idempotencyKey(draft.source, draft.kind),
      sourceType: draft.source.sourceType,
      sourceId: draft.source.sourceId,
      reversesEntryId: draft.reversesEntryId,
      reason: draft.reason,
      createdAt: now,
    };
    const result = await manager.insert(PointsEntry, row);
    return { ...row, id: Number((result.identifiers[0] as { id: number }).id) };
  }

  private async updateLot(manager: EntityManager, take: LotTake, status: PointsLot['status'], now: Date) {
    const result = await manager
      .createQueryBuilder()
      .update(PointsLot)
      .set({ remaining: take.remainingAfter, status, updatedAt: now })
      .where('id = :id AND status = :active AND remaining = :before', {
        id: take.lotId,
        active: 'ACTIVE',
        before: take.remainingAfter + take.points,
      })
      .execute();
    if (result.affected !== 1) throw new LedgerRaceError(`points lot ${take.lotId} changed under the lock`);
  }

  private async updateAccount(
    manager: EntityManager,
    account: PointsAccount,
    available: number,
    debt: number,
    now: Date,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(PointsAccount)
      .set({ available, debt, version: () => 'version + 1', updatedAt: now })
      .where('memberId = :memberId AND version = :version', { memberId: account.memberId, version: account.version })
      .execute();
    if (result.affected !== 1) throw new LedgerRaceError(`points account ${account.memberId} changed under the lock`);
  }
}

/** Runs a pure plan, turning the ledger's refusals into the API's error codes. */
export function plan(build: () => PointsPlan): PointsPlan {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof PointsLedgerError)) throw error;
    switch (error.code) {
      case 'POINTS_INSUFFICIENT':
        throw new DomainException('POINTS_INSUFFICIENT');
      case 'INVALID_POINTS':
        throw new DomainException('VALIDATION_FAILED', 'points must be a positive integer', [
          { field: 'points', reason: error.message },
        ]);
      case 'INVALID_EXPIRY':
        throw new DomainException('VALIDATION_FAILED', 'expiresAt must be in the future', [
          { field: 'expiresAt', reason: error.message },
        ]);
    }
  }
}

function toLedgerLot(lot: PointsLot): LedgerLot {
  return { id: lot.id, points: lot.points, remaining: lot.remaining, expiresAt: lot.expiresAt, status: lot.status };
}

export function toResult(entry: PointsEntry, replayed: boolean): PointsEntryResult {
  return {
    entryId: entry.id,
    kind: entry.kind,
    points: entry.points,
    available: entry.availableAfter,
    debt: entry.debtAfter,
    createdAt: entry.createdAt,
    replayed,
  };
}
