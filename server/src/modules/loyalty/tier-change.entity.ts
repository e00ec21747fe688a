import type { TierCode } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every tier change (up on a purchase, down on a refund), with the growth entry that caused it. Append-only. */
@Entity('tier_changes')
@Index('idx_tier_changes_member', ['memberId', 'id'])
export class TierChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 16 })
  fromTier: TierCode;

  @Column({ type: 'varchar', length: 16 })
  toTier: TierCode;

  @Column({ type: 'int' })
  growthAfter: number;

  /** One growth entry changes the tier at most once. */
  @Index('uq_tier_changes_growth_entry', { unique: true })
  @Column({ type: 'int' })
  growthEntryId: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
