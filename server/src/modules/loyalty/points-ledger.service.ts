import { Injectable } from '@nestjs/common';
import { defaultExpiry, planEarn, planRedeem, planReverse } from '@tidepool/shared';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception';
import {
  idempotencyKey,
  type NormalisedSource,
  normaliseSource,
  requireInstant,
  requireMemberId,
  requireNonZero,
  requirePositive,
  requireReason,
} from './loyalty-input';
import type {
  AdjustPointsInput,
  EarnPointsInput,
  PointsEntryResult,
  RedeemPointsInput,
  ReversePointsInput,
} from './loyalty.types';
import type { PointsAccount } from './points-account.entity';
import { PointsEntry } from './points-entry.entity';
import { PointsLot } from './points-lot.entity';
import { plan, PointsLedgerWriter } from './points-ledger.writer';
import { BrandSettings } from '../brand';

export const DEFAULT_REVERSE_REASON = '退款扣回积分';

/**
 * Points ledger operations (积分). Each runs in one transaction under the member's account lock, writes
 * append-only entries keyed by `sourceType:sourceId:kind`, and answers a repeated key with the first result.
 * Due lots are expired first in every operation, so points past their expiry are never spent even when the
 * nightly job has not run yet.
 */
@Injectable()
export class PointsLedgerService {
  constructor(
    private readonly writer: PointsLedgerWriter,
    private readonly brand: BrandSettings,
  ) {}

  /** Credits points as a new lot (debt is repaid first). */
  async earn(memberId: number, input: EarnPointsInput): Promise<PointsEntryResult> {
    requireMemberId(memberId);
    const source = normaliseSource(input);
    const points = requirePositive(input.points, 'points');
    const reason = requireReason(input.reason);
    const expiresAt = input.expiresAt && requireInstant(input.expiresAt, 'expiresAt');
    return await this.writer.execute(
      memberId,
      idempotencyKey(source, 'EARN'),
      (existing) => existing.points === points,
      (manager, account, now) =>
        this.credit(manager, account, now, { kind: 'EARN', source, points, reason, expiresAt }),
    );
  }

  /** Spends points oldest-expiring first; POINTS_INSUFFICIENT (nothing written) when the balance is short. */
  async redeem(memberId: number, input: RedeemPointsInput): Promise<PointsEntryResult> {
    requireMemberId(memberId);
    const source = normaliseSource(input);
    const points = requirePositive(input.points, 'points');
    const reason = requireReason(input.reason);
    return await this.writer.execute(
      memberId,
      idempotencyKey(source, 'REDEEM'),
      (existing) => existing.points === -points,
      async (manager, account, now) => {
        const state = await this.writer.state(manager, account);
        const redemption = plan(() => planRedeem(state, points, now));
        const draft = { kind: 'REDEEM' as const, points: -points, source, reason, reversesEntryId: null };
        return this.writer.write(manager, account, redemption, draft, now);
      },
    );
  }

  /**
   * Takes back what an earning put in (a refund): from that earning's lot first, then oldest-expiring first; what
   * the balance cannot cover becomes debt. The earning defaults to this source's own EARN; `points` defaults to
   * what is left of it. Reversals of one earning never add up to more than it.
   */
  async reverse(memberId: number, input: ReversePointsInput): Promise<PointsEntryResult> {
    requireMemberId(memberId);
    const source = normaliseSource(input);
    const earnedBy = input.earnedBy ? normaliseSource(input.earnedBy, 'earnedBy') : source;
    const requested = input.points === undefined ? undefined : requirePositive(input.points, 'points');
    const reason = input.reason === undefined ? DEFAULT_REVERSE_REASON : requireReason(input.reason);
    return await this.writer.execute(
      memberId,
      idempotencyKey(source, 'REVERSE'),
      (existing) => requested === undefined || existing.points === -requested,
      async (manager, account, now) => {
        const earned = await this.writer.findEntry(manager, earnedBy, 'EARN');
        if (!earned || earned.memberId !== memberId) throw new DomainException('LOYALTY_SOURCE_NOT_FOUND');
        const left = earned.points - (await reversedSoFar(manager, earned.id));
        const points = requested ?? left;
        if (points <= 0 || points > left) {
          throw new DomainException('VALIDATION_FAILED', `points exceeds what is left of the earning (${left})`, [
            { field: 'points', reason: `at most ${left}` },
          ]);
        }
        const lot = await manager.findOneBy(PointsLot, { earnedEntryId: earned.id });
        const state = await this.writer.state(manager, account);
        const reversal = plan(() => planReverse(state, points, now, lot?.id));
        const draft = { kind: 'REVERSE' as const, points: -points, source, reason, reversesEntryId: earned.id };
        return this.writer.write(manager, account, reversal, draft, now);
      },
    );
  }

  /**
   * An operator's correction (调整). Positive: a new lot, like an earning. Negative: taken oldest-expiring first,
   * the rest recorded as debt, like a reversal.
   */
  async adjust(memberId: number, input: AdjustPointsInput): Promise<PointsEntryResult> {
    requireMemberId(memberId);
    const source = normaliseSource(input);
    const points = requireNonZero(input.points, 'points');
    const reason = requireReason(input.reason);
    const expiresAt = input.expiresAt && requireInstant(input.expiresAt, 'expiresAt');
    return await this.writer.execute(
      memberId,
      idempotencyKey(source, 'ADJUST'),
      (existing) => existing.points === points,
      async (manager, account, now) => {
        if (points > 0)
          return this.credit(manager, account, now, { kind: 'ADJUST', source, points, reason, expiresAt });
        const state = await this.writer.state(manager, account);
        const debit = plan(() => planReverse(state, -points, now));
        return this.writer.write(
          manager,
          account,
          debit,
          { kind: 'ADJUST', points, source, reason, reversesEntryId: null },
          now,
        );
      },
    );
  }

  private async credit(
    manager: EntityManager,
    account: PointsAccount,
    now: Date,
    credit: { kind: 'EARN' | 'ADJUST'; source: NormalisedSource; points: number; reason: string; expiresAt?: Date },
  ): Promise<PointsEntry> {
    const expiresAt =
      credit.expiresAt ?? defaultExpiry(now, this.brand.timeZone(), this.brand.rules().points.expiryYears);
    const state = await this.writer.state(manager, account);
    const earning = plan(() => planEarn(state, credit.points, expiresAt, now));
    const entry = await this.writer.write(
      manager,
      account,
      earning,
      { kind: credit.kind, points: credit.points, source: credit.source, reason: credit.reason, reversesEntryId: null },
      now,
    );
    await this.writer.insertLot(manager, entry, earning.newLotRemaining, expiresAt, now);
    return entry;
  }
}

/** Points already taken back from an earning by earlier (partial) reversals. */
async function reversedSoFar(manager: EntityManager, earnEntryId: number): Promise<number> {
  const row = await manager
    .createQueryBuilder(PointsEntry, 'e')
    .select('COALESCE(SUM(e.points), 0)', 'total')
    .where('e.reversesEntryId = :id', { id: earnEntryId })
    .getRawOne<{ total: number | string }>();
  return -Number(row?.total ?? 0);
}
