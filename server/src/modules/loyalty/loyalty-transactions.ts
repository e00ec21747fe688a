import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { serialised } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';

/** A conditional update found the row changed under it: the unit of work is retried from the start. */
export class LedgerRaceError extends Error {
  override readonly name = 'LedgerRaceError';
}

const MAX_ATTEMPTS = 5;

/**
 * Runs a loyalty unit of work in one transaction.
 *
 * MySQL/MariaDB: READ COMMITTED (every statement sees the latest commit; the account row lock taken first is what
 * serialises a member's operations), and the whole unit is retried on a deadlock, a lost compare-and-set or a
 * unique-key race (the retry then finds the winner's entry and replays it), as Vendure's transaction wrapper does.
 *
 * SQLite: TypeORM's better-sqlite3 driver has one connection and one query runner, so two transactions started
 * concurrently would interleave on it. Units of work join the one per-data-source queue every module uses
 * (common/database/transactions), so loyalty and other modules' transactions never overlap.
 */
@Injectable()
export class LoyaltyTransactions {
  readonly rowLocks: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.rowLocks = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return this.rowLocks
          ? await this.dataSource.transaction('READ COMMITTED', work)
          : await serialised(this.dataSource, () => this.dataSource.transaction(work));
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        await sleep(Math.floor(Math.random() * 10 * attempt));
      }
    }
  }

  /** SELECT … FOR UPDATE where the database has row locks (SQLite serialises the whole transaction instead). */
  forUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return this.rowLocks ? qb.setLock('pessimistic_write') : qb;
  }
}

function isRetryable(error: unknown): boolean {
  return error instanceof LedgerRaceError || isDeadlock(error) || isUniqueViolation(error);
}

function isDeadlock(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, errno } = e as { code?: unknown; errno?: unknown };
    if (code === 'ER_LOCK_DEADLOCK' || errno === 1213) return true;
    e = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
