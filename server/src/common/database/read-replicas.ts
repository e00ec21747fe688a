import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Transactions } from './transactions';

/**
 * Reads that may be a moment stale (the storefront's catalogue, dashboards) run on a read replica when
 * DATABASE_REPLICA_URLS configures some; everything else, and any read inside a unit of work, stays on the
 * primary, so a request that wrote and then reads (an order's detail after checkout, a balance after a change)
 * sees its own write. Without replicas (SQLite, or MySQL alone) this is the ordinary manager.
 *
 * A replica may lag: a product published a moment ago can be missing from the list for that moment. Nothing that
 * decides money, stock or access reads through here.
 */
@Injectable()
export class ReadReplicas {
  readonly configured: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {
    const options = dataSource.options as { replication?: unknown };
    this.configured = options.replication !== undefined;
  }

  async read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.transactions.active) return this.transactions.run(work);
    if (!this.configured) return work(this.dataSource.manager);
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }
}
