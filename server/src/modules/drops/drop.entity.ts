import type { DropRecurrence, DropStatus, TierCode, WeeklySlot } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One drop window (团购): a weekly drop is a chain of these, each week's row made from the previous one by the
 * roll job (`previousDropId` is unique, so two replicas never make the same week twice). Times are UTC instants;
 * the weekly schedule that produced them is in the brand's zone.
 */
@Entity('drops')
@Index(['status', 'closesAt'])
export class Drop {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 8 })
  recurrence: DropRecurrence;

  @Column({ type: 'varchar', length: 12, default: 'SCHEDULED' })
  status: DropStatus;

  @Column({ type: 'datetime', precision: 3 })
  opensAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  closesAt: Date;

  /**
   * When the earliest tier may buy (opensAt less the longest priority purchase), so the console's 进行中 filter is
   * one indexed comparison. Null on rows made before it existed: readers fall back to opensAt.
   */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  firstOpensAt: Date | null;

  /** A weekly drop's slot in the brand's zone; null for ONCE and for weekly drops on the brand's default window. */
  @Column({ type: 'simple-json', nullable: true, default: null })
  weeklySlot: (WeeklySlot & { timeZone: string }) | null;

  /** Minutes of priority purchase per tier (优先购). */
  @Column({ type: 'simple-json' })
  earlyAccess: Partial<Record<TierCode, number>>;

  /** How long an unpaid order holds its units (WeChat Pay's time_expire is the same instant). */
  @Column({ type: 'int' })
  reservationSeconds: number;

  @Column({ type: 'int', nullable: true, default: null, unique: true })
  previousDropId: number | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
