import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CommissionEntry, PromoterAccount } from './distribution.entities';

export interface CommissionMismatch {
  promoterId: number;
  account: { pendingFen: number; availableFen: number };
  ledger: { pendingFen: number; availableFen: number };
}

/**
 * The nightly check that every promoter's running balances equal the sum of their ledger entries (pending and
 * available). A mismatch is logged as an error for a person to look at; nothing is "fixed" automatically.
 */
@Injectable()
export class CommissionReconciliation {
  private readonly logger = new Logger('CommissionReconciliation');

  constructor(
    @InjectRepository(PromoterAccount) private readonly accounts: Repository<PromoterAccount>,
    @InjectRepository(CommissionEntry) private readonly entries: Repository<CommissionEntry>,
  ) {}

  async run(): Promise<{ checked: number; mismatches: CommissionMismatch[] }> {
    const sums = await this.entries
      .createQueryBuilder('e')
      .select('e.promoterId', 'promoterId')
      .addSelect('COALESCE(SUM(e.pendingDeltaFen), 0)', 'pending')
      .addSelect('COALESCE(SUM(e.availableDeltaFen), 0)', 'available')
      .groupBy('e.promoterId')
      .getRawMany<{ promoterId: number | string; pending: number | string; available: number | string }>();
    const ledger = new Map(
      sums.map((s) => [Number(s.promoterId), { pendingFen: Number(s.pending), availableFen: Number(s.available) }]),
    );
    const mismatches: CommissionMismatch[] = [];
    const accounts = await this.accounts.find();
    for (const a of accounts) {
      const l = ledger.get(a.promoterId) ?? { pendingFen: 0, availableFen: 0 };
      if (l.pendingFen !== a.pendingFen || l.availableFen !== a.availableFen) {
        mismatches.push({
          promoterId: a.promoterId,
          account: { pendingFen: a.pendingFen, availableFen: a.availableFen },
          ledger: l,
        });
        this.logger.error({ msg: 'commission ledger mismatch', promoterId: a.promoterId, account: a, ledger: l });
      }
    }
    return { checked: accounts.length, mismatches };
  }
}
