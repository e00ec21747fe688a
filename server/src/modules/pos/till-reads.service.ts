import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { rawInstant, rawQuery } from '../../common/database/raw-query';
import { dayBucketSql, type DayBucket, type RawFigures, toNumber } from '../../common/reports/day-buckets';
import { TillTransaction } from './till-transaction.entity';

/** Till sales in one day bucket and store. */
export interface TillSaleFigures {
  bucket: number;
  storeId: number;
  sales: number;
  gmvFen: number;
}

/** One member's till purchases (COMPLETED sales; a refunded sale is refunded whole) in one store, aggregated in SQL. */
export interface MemberTillPurchases {
  memberId: number;
  storeId: number;
  purchases: number;
  purchasesSince: number;
  spendSinceFen: number;
  firstAt: Date;
  lastAt: Date;
}

/**
 * Read API of the pos module for figures (the dashboard, coupon figures). A till sale is paid when recorded, so
 * every sale counts at its `createdAt`, refunded ones included: GMV is before refunds, as for online orders.
 */
@Injectable()
export class TillReadsService {
  constructor(@InjectRepository(TillTransaction) private readonly sales: Repository<TillTransaction>) {}

  /** Sales per day bucket and store, counted and summed in SQL. */
  async saleFigures(days: readonly DayBucket[], storeId: number | null): Promise<TillSaleFigures[]> {
    if (days.length === 0) return [];
    const bucket = dayBucketSql('s.createdAt', days);
    const qb = this.sales
      .createQueryBuilder('s')
      .select(bucket.expression, 'bucket')
      .addSelect('s.storeId', 'storeId')
      .addSelect('COUNT(*)', 'sales')
      .addSelect('SUM(s.payableFen)', 'gmvFen')
      .where('s.createdAt >= :from AND s.createdAt < :to', { from: days[0].from, to: days[days.length - 1].to })
      .setParameters(bucket.params);
    if (storeId !== null) qb.andWhere('s.storeId = :storeId', { storeId });
    const rows = await qb.groupBy('bucket').addGroupBy('s.storeId').getRawMany<RawFigures>();
    return rows.map((row) => ({
      bucket: toNumber(row.bucket),
      storeId: toNumber(row.storeId),
      sales: toNumber(row.sales),
      gmvFen: toNumber(row.gmvFen),
    }));
  }

  /** How many of these sales there are and what they paid (fen, before refunds), summed in SQL. */
  async saleTotals(saleIds: readonly number[]): Promise<{ sales: number; gmvFen: number }> {
    const unique = [...new Set(saleIds)];
    if (unique.length === 0) return { sales: 0, gmvFen: 0 };
    const row = await this.sales
      .createQueryBuilder('s')
      .select('COUNT(*)', 'sales')
      .addSelect('SUM(s.payableFen)', 'gmvFen')
      .where({ id: In(unique) })
      .getRawOne<RawFigures>();
    return { sales: toNumber(row?.sales), gmvFen: toNumber(row?.gmvFen) };
  }

  /** A till sale as campaigns judge it, read inside the caller's transaction when given. */
  saleById(id: number, manager?: EntityManager): Promise<TillSaleRead | null> {
    return (manager ? manager.getRepository(TillTransaction) : this.sales).findOne({
      where: { id },
      select: SALE_READ,
    });
  }

  /** Each member's first till sale (campaigns' golden window), found in SQL. Members without one are absent. */
  async firstSaleAt(memberIds: readonly number[], manager?: EntityManager): Promise<Map<number, Date>> {
    const unique = [...new Set(memberIds)];
    if (unique.length === 0) return new Map();
    const rows = await (manager ? manager.getRepository(TillTransaction) : this.sales)
      .createQueryBuilder('s')
      .select('s.memberId', 'memberId')
      .addSelect('MIN(s.createdAt)', 'first')
      .where('s.memberId IN (:...ids)', { ids: unique })
      .groupBy('s.memberId')
      .getRawMany<{ memberId: number | string; first: Date | string }>();
    return new Map(rows.map((r) => [Number(r.memberId), rawInstant(r.first)]));
  }

  /** Sales recorded in [from, to), oldest first: what a campaign's dry run replays. */
  salesBetween(from: Date, to: Date, limit: number): Promise<TillSaleRead[]> {
    return this.sales
      .createQueryBuilder('s')
      .select(Object.keys(SALE_READ).map((k) => `s.${k}`))
      .where('s.createdAt >= :from AND s.createdAt < :to', { from, to })
      .orderBy('s.createdAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /**
   * Till purchases of the members with ids in [fromMemberId, toMemberId] recorded by `now`, grouped by member and
   * store; `since` starts the window the *Since figures count.
   */
  async memberPurchases(
    fromMemberId: number,
    toMemberId: number,
    since: Date,
    now: Date,
    manager: EntityManager = this.sales.manager,
  ): Promise<MemberTillPurchases[]> {
    const sql = `SELECT s.memberId AS memberId, s.storeId AS storeId, COUNT(*) AS purchases,
        SUM(CASE WHEN s.createdAt >= :since THEN 1 ELSE 0 END) AS purchasesSince,
        SUM(CASE WHEN s.createdAt >= :since THEN s.payableFen ELSE 0 END) AS spendSinceFen,
        MIN(s.createdAt) AS firstAt, MAX(s.createdAt) AS lastAt
      FROM till_transactions s
      WHERE s.memberId >= :lo AND s.memberId <= :hi AND s.status = 'COMPLETED' AND s.createdAt <= :now
      GROUP BY s.memberId, s.storeId`;
    const rows = await rawQuery(manager, sql, { lo: fromMemberId, hi: toMemberId, since, now });
    return rows.map((row) => ({
      memberId: toNumber(row.memberId as number),
      storeId: toNumber(row.storeId as number),
      purchases: toNumber(row.purchases as number),
      purchasesSince: toNumber(row.purchasesSince as number),
      spendSinceFen: toNumber(row.spendSinceFen as number),
      firstAt: rawInstant(row.firstAt),
      lastAt: rawInstant(row.lastAt),
    }));
  }

  /** The instants of the same purchases, one row each, in one query. */
  async memberPurchaseTimes(
    fromMemberId: number,
    toMemberId: number,
    now: Date,
    manager: EntityManager = this.sales.manager,
  ): Promise<{ memberId: number; at: Date }[]> {
    const sql = `SELECT s.memberId AS memberId, s.createdAt AS createdAt FROM till_transactions s
      WHERE s.memberId >= :lo AND s.memberId <= :hi AND s.status = 'COMPLETED' AND s.createdAt <= :now`;
    const rows = await rawQuery(manager, sql, { lo: fromMemberId, hi: toMemberId, now });
    return rows.map((row) => ({ memberId: toNumber(row.memberId as number), at: rawInstant(row.createdAt) }));
  }
}

/** A till sale as other modules read it (campaigns). */
export type TillSaleRead = Pick<
  TillTransaction,
  'id' | 'memberId' | 'storeId' | 'payableFen' | 'paymentMethod' | 'status' | 'createdAt'
>;

const SALE_READ = {
  id: true,
  memberId: true,
  storeId: true,
  payableFen: true,
  paymentMethod: true,
  status: true,
  createdAt: true,
} as const;
