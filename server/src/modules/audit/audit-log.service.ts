import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PAGINATION, type AuditEntryView, type AuditObjectType, type Page } from '@tidepool/shared';
import type { Repository } from 'typeorm';
import type { Principal, StoreScope } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { StaffService } from '../staff';
import { AuditEntry } from './audit-entry.entity';
import type { AuditListQueryDto } from './dto/audit.requests';

/** What a write changed. `before`/`after` are plain field snapshots (no entities, no secrets). */
export interface AuditRecord {
  actor: Principal;
  action: string;
  objectType: AuditObjectType;
  objectId: number | string;
  /** The store the object belongs to, so a store manager sees the entry; null for brand-wide objects. */
  storeId?: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The audit trail of operator writes. `record` joins the caller's unit of work, so an entry exists exactly when
 * the write it describes committed: a write that rolls back leaves no entry, and no write goes unrecorded.
 */
@Injectable()
export class AuditLog {
  constructor(
    private readonly transactions: Transactions,
    private readonly staff: StaffService,
    private readonly clock: Clock,
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
  ) {}

  /** Records the write; answers the actor's display name as recorded (callers may show it beside the object). */
  async record(record: AuditRecord): Promise<{ actorName: string }> {
    // The actor's name is read on the unit of work's own connection: a lookup on a second pooled connection
    // deadlocks once as many audited writes run at once as the pool has connections, each waiting for another.
    return this.transactions.run(async (manager) => {
      const account = await this.staff.findById(record.actor.id, manager);
      const actorName = account?.displayName ?? `#${record.actor.id}`;
      await manager.insert(AuditEntry, {
        // The app's clock, like every other timestamp the console shows (a demo or test may run on a moved clock).
        createdAt: this.clock.now(),
        actorId: record.actor.id,
        actorRole: record.actor.role,
        actorName,
        action: record.action,
        objectType: record.objectType,
        objectId: String(record.objectId),
        storeId: record.storeId ?? null,
        beforeJson: record.before === undefined || record.before === null ? null : JSON.stringify(record.before),
        afterJson: record.after === undefined || record.after === null ? null : JSON.stringify(record.after),
      });
      return { actorName };
    });
  }

  /** Newest first, filtered in SQL; a store manager sees only entries of their store. */
  async list(query: AuditListQueryDto, scope: StoreScope): Promise<Page<AuditEntryView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? PAGINATION.defaultPageSize;
    const qb = this.entries.createQueryBuilder('e');
    if (scope.storeId !== null) qb.andWhere('e.storeId = :storeId', { storeId: scope.storeId });
    if (query.objectType) qb.andWhere('e.objectType = :objectType', { objectType: query.objectType });
    if (query.objectId) qb.andWhere('e.objectId = :objectId', { objectId: query.objectId });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from) qb.andWhere('e.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('e.createdAt < :to', { to: new Date(query.to) });
    const [rows, total] = await qb
      .orderBy('e.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toView), page, pageSize, total, hasMore: page * pageSize < total };
  }
}

function toView(row: AuditEntry): AuditEntryView {
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    actorName: row.actorName,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    storeId: row.storeId,
    before: row.beforeJson === null ? null : (JSON.parse(row.beforeJson) as unknown),
    after: row.afterJson === null ? null : (JSON.parse(row.afterJson) as unknown),
  };
}
