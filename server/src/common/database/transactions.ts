import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** MySQL/MariaDB errors after which the whole unit of work can simply run again. */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 4;

function isRetryable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE.has(code)) return true;
    e = (e as { driverError?: unknown }).driverError;
  }
  return false;
}

/**
 * Runs a unit of work in one database transaction. Every write that must be atomic goes through here.
 *
 * - MySQL/MariaDB: a pooled connection per transaction; a deadlock or lock-wait timeout reruns the whole unit
 *   (as Vendure's transaction wrapper does), so callers write plain conditional UPDATEs and never retry by hand.
 * - SQLite (embedded demo and tests): better-sqlite3 has ONE connection, so two overlapping transactions would
 *   nest ("cannot start a transaction within a transaction") or, worse, one request's plain write would land
 *   inside another's transaction and vanish with its rollback. Units of work are therefore queued and run one
 *   at a time, which is also what SQLite does with writers anyway.
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger(Transactions.name);
  private readonly sqlite: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sqlite = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.sqlite) return this.runWithRetry(work);
    return serialised(this.dataSource, () => this.dataSource.transaction(work));
  }

  private async runWithRetry<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        this.logger.warn({ msg: 'transaction retried', attempt, reason: (error as { code?: string }).code });
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
      }
    }
  }
}

const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs SQLite units of work one at a time, per data source. Every module that opens a transaction on SQLite must
 * go through this one queue (Transactions.run, the loyalty ledger), or two queues would overlap on the one
 * connection.
 */
export function serialised<T>(dataSource: DataSource, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(task);
  queues.set(
    dataSource,
    run.catch(() => undefined),
  );
  return run;
}

/** Affected rows of an UPDATE/DELETE through the query builder or repository, on both drivers. */
export function affectedRows(result: { affected?: number | null }): number {
  return result.affected ?? 0;
}

@Global()
@Module({ providers: [Transactions], exports: [Transactions] })
export class TransactionsModule {}
