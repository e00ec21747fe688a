import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The MySQL isolation levels a unit of work may ask for. Omitted, the server's default (REPEATABLE READ) applies.
 * SQLite runs one transaction at a time, so the level changes nothing there; it is still checked on both, so a
 * mismatch shows up in the SQLite tests too.
 */
export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

export interface UnitOfWorkOptions {
  /** Stated by the caller that relies on it; a unit that joins an outer one must ask for the outer's level. */
  isolation?: IsolationLevel;
  /**
   * Further errors after which the whole transaction runs again (e.g. a unique-key race whose retry finds the
   * winner's row). Deadlocks, lock-wait timeouts, serialization failures and `RetryTransaction` always are.
   */
  retryIf?: (error: unknown) => boolean;
}

/**
 * Thrown by a unit of work that found its reads stale (a conditional UPDATE lost its race): the outermost
 * transaction rolls back and runs again from the start.
 */
export class RetryTransaction extends Error {
  override readonly name: string = 'RetryTransaction';
}

/** MySQL/MariaDB errors after which the whole transaction can simply run again. */
const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const RETRYABLE_ERRNOS = new Set([1213, 1205]);
const SERIALIZATION_FAILURE = '40001';
const MAX_ATTEMPTS = 5;

export function isRetryableTransactionError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e instanceof RetryTransaction) return true;
    const { code, errno, sqlState } = e as { code?: unknown; errno?: unknown; sqlState?: unknown };
    if (typeof code === 'string' && RETRYABLE_CODES.has(code)) return true;
    if (typeof errno === 'number' && RETRYABLE_ERRNOS.has(errno)) return true;
    if (sqlState === SERIALIZATION_FAILURE) return true;
    e = (e as { driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

interface ActiveUnit {
  dataSource: DataSource;
  manager: EntityManager;
  isolation: IsolationLevel | undefined;
  /** False once the transaction has ended: work started inside it but still running later must not join it. */
  open: boolean;
  /** A joined unit hit an error that needs the whole transaction again, even if its caller swallowed it. */
  doomed: unknown;
}

const current = new AsyncLocalStorage<ActiveUnit>();

/**
 * The one unit of work: every write that must be atomic runs through `run()`.
 *
 * - Called inside another unit (of the same data source), it joins it: same manager, same commit, same rollback.
 *   So a service that opens its own unit (the loyalty ledger, commissions) can be called from inside an outbox
 *   handler's transaction and commits with it. Only the outermost unit retries.
 * - MySQL/MariaDB: a pooled connection per transaction, at the isolation level the caller states; a deadlock,
 *   lock-wait timeout or serialization failure reruns the whole unit, so callers write plain conditional UPDATEs
 *   and never retry by hand.
 * - SQLite (embedded demo and tests): better-sqlite3 has ONE connection, so two overlapping transactions would
 *   nest or, worse, one request's plain write would land inside another's transaction and vanish with its
 *   rollback. Outermost units are therefore queued and run one at a time (which is what SQLite does with writers
 *   anyway); a nested unit joins instead of queueing behind its own outer unit, which would never finish.
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger(Transactions.name);
  private readonly sqlite: boolean;
  /** Whether SELECT … FOR UPDATE means anything (SQLite serialises whole transactions instead). */
  readonly rowLocks: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sqlite = dataSource.options.type === 'better-sqlite3';
    this.rowLocks = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
  }

  /** Whether the caller is inside a unit of work of this data source. */
  get active(): boolean {
    return this.joinable() !== null;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>, options: UnitOfWorkOptions = {}): Promise<T> {
    const outer = this.joinable();
    if (outer) return this.join(outer, work, options);
    return this.runWithRetry(work, options);
  }

  private joinable(): ActiveUnit | null {
    const unit = current.getStore();
    return unit && unit.open && unit.dataSource === this.dataSource ? unit : null;
  }

  private async join<T>(outer: ActiveUnit, work: (m: EntityManager) => Promise<T>, options: UnitOfWorkOptions) {
    if (options.isolation && options.isolation !== outer.isolation) {
      throw new Error(
        `A unit of work asking for ${options.isolation} joined one running at ${outer.isolation ?? 'the default level'}`,
      );
    }
    try {
      return await work(outer.manager);
    } catch (error) {
      if (isRetryableTransactionError(error) || options.retryIf?.(error)) {
        // The outer unit must run again as a whole: remember it even if a caller in between catches the error.
        outer.doomed = error;
        throw new RetryTransaction('a joined unit of work asked for the whole transaction again', { cause: error });
      }
      throw error;
    }
  }

  private async runWithRetry<T>(work: (m: EntityManager) => Promise<T>, options: UnitOfWorkOptions): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return this.sqlite
          ? await serialised(this.dataSource, () => this.once(work, options))
          : await this.once(work, options);
      } catch (error) {
        const retryable = isRetryableTransactionError(error) || options.retryIf?.(error) === true;
        if (attempt >= MAX_ATTEMPTS || !retryable) throw error;
        this.logger.warn({ msg: 'transaction retried', attempt, reason: describe(error) });
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
      }
    }
  }

  private async once<T>(work: (m: EntityManager) => Promise<T>, options: UnitOfWorkOptions): Promise<T> {
    const body = async (manager: EntityManager) => {
      const unit: ActiveUnit = {
        dataSource: this.dataSource,
        manager,
        isolation: options.isolation,
        open: true,
        doomed: undefined,
      };
      try {
        const result = await current.run(unit, () => work(manager));
        if (unit.doomed !== undefined) {
          throw new RetryTransaction('a joined unit of work failed retryably', { cause: unit.doomed });
        }
        return result;
      } finally {
        unit.open = false;
      }
    };
    return options.isolation && !this.sqlite
      ? this.dataSource.transaction(options.isolation, body)
      : this.dataSource.transaction(body);
  }
}

function describe(error: unknown): string {
  const { code, name } = error as { code?: unknown; name?: unknown };
  return typeof code === 'string' ? code : typeof name === 'string' ? name : 'error';
}

const queues = new WeakMap<DataSource, Promise<unknown>>();

/** Runs SQLite transactions one at a time, per data source (see Transactions). */
function serialised<T>(dataSource: DataSource, task: () => Promise<T>): Promise<T> {
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
