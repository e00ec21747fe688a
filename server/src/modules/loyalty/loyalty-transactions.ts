import { Injectable } from '@nestjs/common';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { RetryTransaction, Transactions, type UnitOfWorkOptions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';

/** A conditional update found the row changed under it: the whole transaction is retried from the start. */
export class LedgerRaceError extends RetryTransaction {
  override readonly name = 'LedgerRaceError';
}

/**
 * What a ledger write needs from the one unit of work (`Transactions`):
 * - READ COMMITTED on MySQL: every statement sees the latest commit; the account row lock taken first is what
 *   serialises a member's operations.
 * - A unique-key race is retried as a whole too: the retry finds the winner's entry and replays it.
 */
export const LEDGER_UNIT: UnitOfWorkOptions = { isolation: 'READ COMMITTED', retryIf: isUniqueViolation };

/**
 * The loyalty ledger's view of the unit of work: `Transactions.run` with `LEDGER_UNIT`. Called inside an outer
 * unit (an outbox handler, which runs at READ COMMITTED for this reason) it joins it and commits with it.
 */
@Injectable()
export class LoyaltyTransactions {
  constructor(private readonly transactions: Transactions) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transactions.run(work, LEDGER_UNIT);
  }

  /** SELECT … FOR UPDATE where the database has row locks (SQLite serialises the whole transaction instead). */
  forUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return this.transactions.rowLocks ? qb.setLock('pessimistic_write') : qb;
  }
}
