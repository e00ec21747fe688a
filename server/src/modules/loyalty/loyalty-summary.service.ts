import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isLotDue, PAGINATION, type Page, type PageQuery, type TierCode, tierFor } from '@tidepool/shared';
import { In, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { requireMemberId } from './loyalty-input';
import { LOYALTY_OPTIONS, type LoyaltyOptions } from './loyalty.options';
import type { GrowthHistoryItem, LoyaltySummary, PointsHistoryItem, PointsLotItem } from './loyalty.types';
import { GrowthEntry } from './growth-entry.entity';
import { MemberTier } from './member-tier.entity';
import { PointsAccount } from './points-account.entity';
import { PointsEntry } from './points-entry.entity';
import { PointsLot } from './points-lot.entity';
import { BrandSettings } from '../brand';

const DAY_MS = 86_400_000;

/** Read side of loyalty: what the member center, points page and cashier screen show. Writes nothing. */
@Injectable()
export class LoyaltySummaryService {
  constructor(
    @InjectRepository(PointsAccount) private readonly accounts: Repository<PointsAccount>,
    @InjectRepository(PointsLot) private readonly lots: Repository<PointsLot>,
    @InjectRepository(PointsEntry) private readonly entries: Repository<PointsEntry>,
    @InjectRepository(MemberTier) private readonly tiers: Repository<MemberTier>,
    @InjectRepository(GrowthEntry) private readonly growthEntries: Repository<GrowthEntry>,
    private readonly clock: Clock,
    @Inject(LOYALTY_OPTIONS) private readonly options: LoyaltyOptions,
    private readonly brand: BrandSettings,
  ) {}

  /** The members' tiers; a member with no growth yet is NORMAL. */
  async tiersOf(memberIds: readonly number[]): Promise<Map<number, TierCode>> {
    const unique = [...new Set(memberIds)];
    const rows = unique.length ? await this.tiers.findBy({ memberId: In(unique) }) : [];
    const found = new Map(rows.map((row) => [row.memberId, row.tier]));
    return new Map(unique.map((id) => [id, found.get(id) ?? 'NORMAL']));
  }

  /**
   * Points, debt, growth, tier and the next expiry if it is near. Lots already past their expiry (the nightly job
   * not having run yet) are not counted: they can no longer be spent.
   */
  async summary(memberId: number): Promise<LoyaltySummary> {
    requireMemberId(memberId);
    const now = this.clock.now();
    const account = await this.accounts.findOneBy({ memberId });
    const tier = await this.tiers.findOneBy({ memberId });
    const open = account
      ? await this.lots.find({ where: { memberId, status: 'ACTIVE' }, order: { expiresAt: 'ASC', id: 'ASC' } })
      : [];
    const due = open.filter((lot) => isLotDue(lot, now));
    const usable = open.filter((lot) => !isLotDue(lot, now));
    const dueTotal = due.reduce((sum, lot) => sum + lot.remaining, 0);
    const next = usable[0];
    const soon = next && next.expiresAt.getTime() - now.getTime() <= this.options.expiringSoonDays * DAY_MS;
    return {
      points: Math.max(0, (account?.available ?? 0) - dueTotal),
      debt: account?.debt ?? 0,
      growth: tier?.growth ?? 0,
      tier: tier?.tier ?? tierFor(0, this.brand.rules().tierTable).code,
      expiringSoon:
        next && soon
          ? {
              points: usable
                .filter((lot) => lot.expiresAt.getTime() === next.expiresAt.getTime())
                .reduce((sum, lot) => sum + lot.remaining, 0),
              at: next.expiresAt,
            }
          : null,
    };
  }

  /** The member's points history (积分明细), newest first, with the reason for each line. */
  async history(memberId: number, query: PageQuery = {}): Promise<Page<PointsHistoryItem>> {
    requireMemberId(memberId);
    const page = clamp(query.page ?? 1, 1, PAGINATION.maxPage);
    const pageSize = clamp(query.pageSize ?? PAGINATION.defaultPageSize, 1, PAGINATION.maxPageSize);
    const [rows, total] = await this.entries.findAndCount({
      where: { memberId },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return {
      items: rows.map((e) => ({
        id: e.id,
        kind: e.kind,
        points: e.points,
        reason: e.reason,
        availableAfter: e.availableAfter,
        debtAfter: e.debtAfter,
        createdAt: e.createdAt,
      })),
      total,
      page,
      pageSize,
      hasMore: (page - 1) * pageSize + rows.length < total,
    };
  }

  /** The growth ledger (成长值明细), newest first. */
  async growthHistory(memberId: number, query: PageQuery = {}): Promise<Page<GrowthHistoryItem>> {
    requireMemberId(memberId);
    const { page, pageSize } = pageOf(query);
    const [rows, total] = await this.growthEntries.findAndCount({
      where: { memberId },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return {
      items: rows.map((e) => ({
        id: e.id,
        kind: e.kind,
        growth: e.growth,
        growthAfter: e.growthAfter,
        tierAfter: e.tierAfter,
        reason: e.reason,
        createdAt: e.createdAt,
      })),
      total,
      page,
      pageSize,
      hasMore: (page - 1) * pageSize + rows.length < total,
    };
  }

  /** The points lots, the ones still open first (soonest expiry first), then the spent and expired newest first. */
  async lotsOf(memberId: number, query: PageQuery = {}): Promise<Page<PointsLotItem>> {
    requireMemberId(memberId);
    const { page, pageSize } = pageOf(query);
    const builder = this.lots
      .createQueryBuilder('l')
      .where('l.memberId = :memberId', { memberId })
      // ACTIVE sorts before EXPIRED and SPENT: the open lots come first.
      .orderBy('l.status', 'ASC')
      .addOrderBy('l.expiresAt', 'ASC')
      .addOrderBy('l.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    const [rows, total] = await builder.getManyAndCount();
    return {
      items: rows.map((l) => ({
        id: l.id,
        points: l.points,
        remaining: l.remaining,
        status: l.status,
        expiresAt: l.expiresAt,
        createdAt: l.createdAt,
      })),
      total,
      page,
      pageSize,
      hasMore: (page - 1) * pageSize + rows.length < total,
    };
  }
}

function pageOf(query: PageQuery): { page: number; pageSize: number } {
  return {
    page: clamp(query.page ?? 1, 1, PAGINATION.maxPage),
    pageSize: clamp(query.pageSize ?? PAGINATION.defaultPageSize, 1, PAGINATION.maxPageSize),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isSafeInteger(value) ? Math.min(max, Math.max(min, value)) : min;
}
