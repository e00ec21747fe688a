import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DropReminderState = 'PENDING' | 'SENDING' | 'SENT' | 'REFUSED' | 'FAILED';

/**
 * "提醒我": the member accepted a subscribe message for this drop (consent recorded with the template and time);
 * the reminder job sends it once at the member's opening and records the outcome.
 */
@Entity('drop_reminders')
@Index(['dropId', 'memberId'], { unique: true })
@Index(['dropId', 'state'])
export class DropReminder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  dropId: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'varchar', length: 10, default: 'PENDING' })
  state: DropReminderState;

  @Column({ type: 'datetime', precision: 3 })
  consentedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  sentAt: Date | null;

  @Column({ type: 'varchar', length: 120, nullable: true, default: null })
  failure: string | null;
}
