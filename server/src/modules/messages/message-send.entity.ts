import type { MessageSendStatus, MessageSkipReason } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One requested subscribe message and what became of it. The caller's dedupe key is unique, so a message is
 * recorded, and sent, at most once whatever the redeliveries.
 */
@Entity('message_sends')
@Index(['dedupeKey'], { unique: true })
@Index(['status', 'dueAt'])
@Index(['memberId', 'status', 'sentAt'])
@Index(['requestedAt'])
export class MessageSend {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 96 })
  dedupeKey: string;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 24 })
  templateKey: string;

  /** The template id in force when the message was requested. */
  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'varchar', length: 255, nullable: true, default: null })
  page: string | null;

  @Column({ type: 'simple-json' })
  data: Record<string, string>;

  @Column({ type: 'varchar', length: 10 })
  status: MessageSendStatus;

  @Column({ type: 'varchar', length: 20, nullable: true, default: null })
  skipReason: MessageSkipReason | null;

  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  msgid: string | null;

  @Column({ type: 'int', nullable: true, default: null })
  errcode: number | null;

  @Column({ type: 'varchar', length: 120, nullable: true, default: null })
  errmsg: string | null;

  @Column({ type: 'datetime', precision: 3 })
  requestedAt: Date;

  /** When it may go out: the request time, or the end of the quiet hours it fell in. */
  @Column({ type: 'datetime', precision: 3 })
  dueAt: Date;

  /** When WeChat answered (SENT, REFUSED, FAILED). */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  sentAt: Date | null;
}
