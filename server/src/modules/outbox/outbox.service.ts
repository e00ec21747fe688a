import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows } from '../../common/database/transactions';
import { JobScheduler } from '../jobs';
import { OutboxEvent } from './outbox-event.entity';

export type OutboxHandler = (payload: Record<string, unknown>, event: OutboxEvent) => Promise<void>;

const CLAIM_MS = 60_000;
const BATCH = 50;

/**
 * The transactional outbox: `publish` inside the business transaction; `dispatch` (right after commit, and every
 * minute by the scheduler for anything left behind) hands each event to its handlers. A handler that throws
 * leaves the event for the next pass. Handlers must be idempotent: an event can be delivered again after a crash.
 */
@Injectable()
export class OutboxService implements OnModuleInit {
  private readonly logger = new Logger(OutboxService.name);
  private readonly handlers = new Map<string, OutboxHandler[]>();

  constructor(
    @InjectRepository(OutboxEvent) private readonly events: Repository<OutboxEvent>,
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'outbox-dispatch',
      periodOf: (now) => String(Math.floor(now.getTime() / 60_000)),
      work: async () => ({ dispatched: await this.dispatch() }),
    });
  }

  subscribe(topic: string, handler: OutboxHandler): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  /** Inside the caller's transaction. A second publish of the same fact (same dedupe key) is ignored. */
  async publish(manager: EntityManager, topic: string, dedupeKey: string, payload: Record<string, unknown>) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxEvent)
      .values({
        topic,
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

  /** Delivers pending events; returns how many were processed. */
  async dispatch(): Promise<number> {
    let processed = 0;
    const pending = await this.events.find({ where: { processedAt: IsNull() }, order: { id: 'ASC' }, take: BATCH });
    for (const event of pending) if (await this.deliver(event)) processed++;
    return processed;
  }

  private async deliver(event: OutboxEvent): Promise<boolean> {
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
    if (affectedRows(claim) !== 1) return false; // another replica has it
    try {
      for (const handler of this.handlers.get(event.topic) ?? []) await handler(event.payload, event);
      await this.events.update({ id: event.id }, { processedAt: this.clock.now(), claimedUntil: null, lastError: '' });
      return true;
    } catch (error) {
      const message = ((error as Error).message ?? String(error)).slice(0, 500);
      await this.events.update({ id: event.id }, { claimedUntil: null, lastError: message });
      this.logger.error({ msg: 'outbox handler failed', topic: event.topic, eventId: event.id, error: message });
      return false;
    }
  }
}
