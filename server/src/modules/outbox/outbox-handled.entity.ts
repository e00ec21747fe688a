import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One handler's success with one event, written in the handler's own transaction. The primary key makes a
 * handler apply an event once however often the event is delivered; a redelivery runs only the handlers that
 * have no row yet.
 */
@Entity('outbox_handled')
export class OutboxHandled {
  @PrimaryColumn({ type: 'int' })
  eventId: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  handler: string;

  @Column({ type: 'datetime', precision: 3 })
  handledAt: Date;
}
