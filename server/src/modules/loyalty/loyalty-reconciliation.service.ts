import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { tierFor } from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import type { LedgerMismatch, ReconcileReport } from './loyalty.types';
import { BrandSettings } from '../brand';

type Numeric = number | string;

/**
 * The nightly audit: every cached balance against its ledger, in set-based SQL (one statement per ledger, so each
 * check reads one consistent snapshot even while members earn and spend). Reports and logs; never repairs, since
 * a mismatch means a bug or a hand edit that a person must look at.
 */
@Injectable()
export class LoyaltyReconciliationService {
  private readonly logger = new Logger('LoyaltyReconciliation');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly brand: BrandSettings,
  ) {}

  async reconcile(): Promise<ReconcileReport> {
    const mismatches = [...(await this.points()), ...(await this.growth())];
    const [points, growth] = await Promise.all([this.count('points_accounts'), this.count('member_tiers')]);
    for (const mismatch of mismatches) this.logger.warn({ msg: 'loyalty ledger mismatch', ...mismatch });
    return { pointsAccounts: points, growthAccounts: growth, mismatches };
  }

  /** available - debt = sum of entries; available = sum of the ACTIVE lots. */
  private async points(): Promise<LedgerMismatch[]> {
    const rows = await this.dataSource.query<
      { memberId: Numeric; available: Numeric; debt: Numeric; entrySum: Numeric; lotSum: Numeric }[]
    >(
      `SELECT a.memberId AS memberId, a.available AS available, a.debt AS debt,
              COALESCE(e.total, 0) AS entrySum, COALESCE(l.total, 0) AS lotSum
         FROM points_accounts a
         LEFT JOIN (SELECT memberId, SUM(points) AS total FROM points_entries GROUP BY memberId) e
                ON e.memberId = a.memberId
         LEFT JOIN (SELECT memberId, SUM(remaining) AS total FROM points_lots WHERE status = 'ACTIVE' GROUP BY memberId) l
                ON l.memberId = a.memberId
        WHERE a.available <> COALESCE(e.total, 0) + a.debt OR a.available <> COALESCE(l.total, 0)
        ORDER BY a.memberId`,
    );
    return rows.flatMap((row) => {
      const memberId = Number(row.memberId);
      const [available, debt, entrySum, lotSum] = [row.available, row.debt, row.entrySum, row.lotSum].map(Number);
      const found: LedgerMismatch[] = [];
      if (available - debt !== entrySum) {
        found.push({ memberId, check: 'POINTS_SUM', recorded: available - debt, expected: entrySum });
      }
      if (available !== lotSum) found.push({ memberId, check: 'POINTS_LOTS', recorded: available, expected: lotSum });
      return found;
    });
  }

  /** growth = sum of growth entries; tier = the tier table's tier for the growth. */
  private async growth(): Promise<LedgerMismatch[]> {
    const table = [...this.brand.rules().tierTable].sort((a, b) => b.minGrowth - a.minGrowth);
    const caseSql = `CASE ${table.map(() => 'WHEN t.growth >= ? THEN ?').join(' ')} ELSE ? END`;
    const params = [
      ...table.flatMap((tier) => [tier.minGrowth, tier.code]),
      tierFor(0, this.brand.rules().tierTable).code,
    ];
    const rows = await this.dataSource.query<{ memberId: Numeric; growth: Numeric; tier: string; entrySum: Numeric }[]>(
      `SELECT t.memberId AS memberId, t.growth AS growth, t.tier AS tier, COALESCE(g.total, 0) AS entrySum
         FROM member_tiers t
         LEFT JOIN (SELECT memberId, SUM(growth) AS total FROM growth_entries GROUP BY memberId) g
                ON g.memberId = t.memberId
        WHERE t.growth <> COALESCE(g.total, 0) OR t.tier <> ${caseSql}
        ORDER BY t.memberId`,
      params,
    );
    return rows.flatMap((row) => {
      const memberId = Number(row.memberId);
      const growth = Number(row.growth);
      const entrySum = Number(row.entrySum);
      const expectedTier = tierFor(growth, this.brand.rules().tierTable).code;
      const found: LedgerMismatch[] = [];
      if (growth !== entrySum) found.push({ memberId, check: 'GROWTH_SUM', recorded: growth, expected: entrySum });
      if (row.tier !== expectedTier)
        found.push({ memberId, check: 'TIER', recorded: row.tier, expected: expectedTier });
      return found;
    });
  }

  private async count(table: 'points_accounts' | 'member_tiers'): Promise<number> {
    const [row] = await this.dataSource.query<{ n: Numeric }[]>(`SELECT COUNT(*) AS n FROM ${table}`);
    return Number(row?.n ?? 0);
  }
}
