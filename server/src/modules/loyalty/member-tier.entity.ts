import type { TierCode } from '@tidepool/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A member's growth value (成长值) and the tier it puts them in: a cache of the growth ledger, locked by every
 * growth operation. The tier is recomputed from the growth on every change, and each change is recorded in
 * `tier_changes`.
 */
@Entity('member_tiers')
export class MemberTier {
  @PrimaryColumn({ type: 'int' })
  memberId: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  growth: number;

  @Column({ type: 'varchar', length: 16, default: 'NORMAL' })
  tier: TierCode;

  @Column({ type: 'int', default: 0 })
  version: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
