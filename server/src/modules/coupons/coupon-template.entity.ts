import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CouponTerms } from './coupon-terms.columns';

/**
 * What a coupon is, before it is issued: an operator's configuration (满99减20, 生日专享8元无门槛券…). Issued
 * coupons copy these fields, so editing a template never changes coupons already in wallets; `version` moves
 * with every edit and is recorded on orders that used the coupon.
 */
@Entity('coupon_templates')
export class CouponTemplate extends CouponTerms {
  @PrimaryGeneratedColumn()
  id: number;

  /** Stable name used by rules (`BIRTHDAY_8`) and the admin API. */
  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'int' })
  validDays: number;

  @Column({ type: 'int', default: 1 })
  version: number;

  /** Shown in the coupon centre (领券中心), where members claim it themselves. */
  @Column({ type: 'boolean', default: false })
  claimable: boolean;

  /** How many a member may claim from the coupon centre. */
  @Column({ type: 'int', default: 1 })
  claimPerMember: number;

  /** How many the coupon centre gives out in all; null = no limit. */
  @Column({ type: 'int', nullable: true, default: null })
  claimTotal: number | null;

  /** Claimed so far; moves only by a conditional UPDATE (`claimedCount < claimTotal`). */
  @Column({ type: 'int', default: 0 })
  claimedCount: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
