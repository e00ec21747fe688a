import type { PointsLotStatus } from '@tidepool/shared';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Points earned together, with one expiry (积分批次). Spending takes from lots oldest-expiring first; the nightly
 * job expires what is left of a lot once its expiry passes. `remaining` of the ACTIVE lots sums to the account's
 * `available`.
 */
@Entity('points_lots')
@Index('idx_points_lots_member_open', ['memberId', 'status', 'expiresAt'])
@Index('idx_points_lots_due', ['status', 'expiresAt'])
@Check('chk_points_lots_remaining', '`remaining` >= 0 AND `remaining` <= `points`')
export class PointsLot {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  /** The EARN (or positive ADJUST) entry that created the lot. */
  @Index('uq_points_lots_earned_entry', { unique: true })
  @Column({ type: 'int' })
  earnedEntryId: number;

  @Column({ type: 'int', unsigned: true })
  points: number;

  /** Changed only by a conditional UPDATE on the value read under the account lock. */
  @Column({ type: 'int', unsigned: true })
  remaining: number;

  /** The first instant the lot can no longer be spent (UTC; by default 01-01 00:00 in the store zone). */
  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  /** ACTIVE while points are left; SPENT when used up; EXPIRED when the expiry took the rest. */
  @Column({ type: 'varchar', length: 16 })
  status: PointsLotStatus;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
