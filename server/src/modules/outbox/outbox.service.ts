import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DomainEventName, DomainEvents } from '@tidepool/shared';
import { type EntityManager, In, IsNull, LessThan, Not, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions, type UnitOfWorkOptions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { JobScheduler } from '../jobs';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxHandled } from './outbox-handled.entity';

export interface EventContext {
  eventId: number;
  /** The handler's transaction: what the handler writes commits together with its "done" row. */
  manager: EntityManager;
}

export type EventHandler<N extends DomainEventName> = (
  payload: DomainEvents[N],
  context: EventContext,
) => Promise<void>;

interface Subscription {
  name: string;
  handle: (payload: unknown, context: EventContext) => Promise<void>;
}

const CLAIM_MS = 60_000;
const BATCH = 50;
/** Processed events are kept this long for inspection, then deleted with their handler rows. */
export const OUTBOX_RETENTION_MS = 30 * 24 * 60 * 60_000;

/**
 * Handlers run at READ COMMITTED on MySQL: the loyalty ledger, which most of them reach, relies on every
 * statement seeing the latest commit (it joins this transaction, so it must ask for the same level).
 */
const HANDLER_UNIT: UnitOfWorkOptions = { isolation: 'READ COMMITTED' };

/**
 * The transactional outbox: `publish` inside the business transaction; `dispatch` (right after commit, and every
 * minute by the scheduler for anything left behind) hands each event to its handlers.
 *
 * Delivery is at least once; handlers are made idempotent here: each runs in its own transaction together with
 * the insert of its (event id, handler name) row, whose primary key lets one delivery in. A handler that throws
 * rolls back with its row and leaves the event pending; the next pass runs only the handlers without a row.
 */
@Injectable()
export class OutboxService implements OnModuleInit {
  private readonly logger = new Logger(OutboxService.name);
  private readonly handlers = new Map<DomainEventName, Subscription[]>();

  constructor(
    @InjectRepository(OutboxEvent) private readonly events: Repository<OutboxEvent>,
    @InjectRepository(OutboxHandled) private readonly handled: Repository<OutboxHandled>,
    private readonly transactions: Transactions,
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'outbox-dispatch',
      periodOf: (now) => String(Math.floor(now.getTime() / 60_000)),
      work: async () => ({ dispatched: await this.dispatch() }),
    });
    this.scheduler.register({
      name: 'outbox-retention',
      periodOf: (now) => now.toISOString().slice(0, 10),
      work: async (now) => ({ deleted: await this.purge(now) }),
    });
  }

  /** Registers a handler; `handlerName` is its identity in `outbox_handled`, so it must never be renamed. */
  subscribe<N extends DomainEventName>(name: N, handlerName: string, handler: EventHandler<N>): void {
    const list = this.handlers.get(name) ?? [];
    if (list.some((s) => s.name === handlerName)) throw new Error(`${name} already has a handler ${handlerName}`);
    const handle = (payload: unknown, context: EventContext) => handler(payload as DomainEvents[N], context);
    this.handlers.set(name, [...list, { name: handlerName, handle }]);
  }

  /** Inside the caller's transaction. A second publish of the same fact (same dedupe key) is ignored. */
  async publish<N extends DomainEventName>(
    manager: EntityManager,
    name: N,
    dedupeKey: string,
    payload: DomainEvents[N],
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxEvent)
      .values({
        topic: name,
        dedupeKey,
        payload: payload as never,
        createdAt: this.clock.now(),
        claimedUntil: null,
        attempts: 0,
        processedAt: null,
        lastError: '',
      })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** Several events of one name in one INSERT, inside the caller's transaction; as `publish`, duplicates are ignored. */
  async publishMany<N extends DomainEventName>(
    manager: EntityManager,
    name: N,
    events: readonly { dedupeKey: string; payload: DomainEvents[N] }[],
  ): Promise<void> {
    if (events.length === 0) return;
    const createdAt = this.clock.now();
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxEvent)
      .values(
        events.map(({ dedupeKey, payload }) => ({
          topic: name,
          dedupeKey,
          payload: payload as never,
          createdAt,
          claimedUntil: null,
          attempts: 0,
          processedAt: null,
          lastError: '',
        })),
      )
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** Delivers pending events in publication order; returns how many were fully processed. */
  async dispatch(): Promise<number> {
    let processed = 0;
    const pending = await this.events.find({ where: { processedAt: IsNull() }, order: { id: 'ASC' }, take: BATCH });
    for (const event of pending) if (await this.deliver(event)) processed++;
    return processed;
  }

  /**
   * Delivers one event now, if it is pending and no other dispatcher holds it: a request that wants its own
   * event's effects before it answers, without taking on everyone else's backlog. True when it was processed.
   */
  async dispatchKey(dedupeKey: string): Promise<boolean> {
    const event = await this.events.findOneBy({ dedupeKey, processedAt: IsNull() });
    return event ? this.deliver(event) : false;
  }

  private async deliver(event: OutboxEvent): Promise<boolean> {
    // Handlers must see the publisher's commit and commit on their own; inside a unit they would join it instead.
    if (this.transactions.active)
      throw new Error('outbox dispatch must run after the commit, not inside a unit of work');
    const now = this.clock.now();
    const claim = await this.events
      .createQueryBuilder()
      .update(OutboxEvent)
      .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: () => 'attempts + 1' })
      .where('id = :id AND processedAt IS NULL AND (claimedUntil IS NULL OR claimedUntil < :now)', {
        id: event.id,
        now,
      })
      .execute();
    if (affectedRows(claim) !== 1) return false; // another dispatcher has it
    const subscriptions = this.handlers.get(event.topic as DomainEventName) ?? [];
    const done = new Set(
      (await this.handled.find({ where: { eventId: event.id }, select: { handler: true } })).map((h) => h.handler),
    );
    const failures: string[] = [];
    for (const subscription of subscriptions) {
      if (done.has(subscription.name)) continue;
      try {
        await this.handleOnce(event, subscription);
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        failures.push(`${subscription.name}: ${message}`);
        this.logger.error({
          msg: 'event handler failed',
          event: event.topic,
          eventId: event.id,
          handler: subscription.name,
          error: message,
        });
      }
    }
    if (failures.length > 0) {
      await this.events.update({ id: event.id }, { claimedUntil: null, lastError: failures.join('; ').slice(0, 500) });
      return false;
    }
    await this.events.update({ id: event.id }, { processedAt: this.clock.now(), claimedUntil: null, lastError: '' });
    return true;
  }

  /** The handler and its "done" row in one transaction: both commit, or neither. */
  private async handleOnce(event: OutboxEvent, subscription: Subscription): Promise<void> {
    try {
      await this.transactions.run(async (manager) => {
        // Inserted first: a concurrent delivery of the same handler waits on this key, then finds it taken.
        await manager.insert(OutboxHandled, {
          eventId: event.id,
          handler: subscription.name,
          handledAt: this.clock.now(),
        });
        await subscription.handle(event.payload, { eventId: event.id, manager });
      }, HANDLER_UNIT);
    } catch (error) {
      if (!isUniqueViolation(error) || !(await this.isHandled(event.id, subscription.name))) throw error;
      // Another delivery applied it first: nothing left to do for this handler.
    }
  }

  private isHandled(eventId: number, handler: string): Promise<boolean> {
    return this.handled.exists({ where: { eventId, handler } });
  }

  /** Deletes processed events older than the retention, with their handler rows. */
  async purge(now: Date): Promise<number> {
    const before = new Date(now.getTime() - OUTBOX_RETENTION_MS);
    let deleted = 0;
    for (;;) {
      const old = await this.events.find({
        where: { processedAt: Not(IsNull()), createdAt: LessThan(before) },
        select: { id: true },
        take: 500,
      });
      if (old.length === 0) return deleted;
      const ids = old.map((e) => e.id);
      await this.transactions.run(async (manager) => {
        await manager.delete(OutboxHandled, { eventId: In(ids) });
        await manager.delete(OutboxEvent, { id: In(ids) });
      });
      deleted += ids.length;
    }
  }
}
