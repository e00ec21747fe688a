import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { dayBucketSql, type DayBucket, type RawFigures, toNumber } from '../../common/reports/day-buckets';
import { TillTransaction } from './till-transaction.entity';

/** Till sales in one day bucket and store. */
export interface TillSaleFigures {
  bucket: number;
  storeId: number;
  sales: number;
  gmvFen: number;
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
}
