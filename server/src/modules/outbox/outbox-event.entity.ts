import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A domain event (catalogue: shared/src/events) written in the same transaction as the change it announces, so
 * the event exists exactly when the change does. `dedupeKey` is unique, so the same fact (a replayed
 * notification) is announced once; `outbox_handled` records which handlers have applied it.
 */
@Entity('outbox_events')
@Index(['processedAt', 'id'])
export class OutboxEvent {
  @PrimaryGeneratedColumn()
  id: number;

  /** The event's name in the catalogue (`DomainEventName`). */
  @Column({ type: 'varchar', length: 48 })
  topic: string;

  @Column({ type: 'varchar', length: 96, unique: true })
  dedupeKey: string;

  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  /** A dispatcher holds it until then; another may take it over after. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  claimedUntil: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  processedAt: Date | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  lastError: string;
}
