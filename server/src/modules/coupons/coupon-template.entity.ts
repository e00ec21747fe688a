import type { CouponTemplateStatus } from '@tidepool/shared';
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

  /** Days an issued coupon stays valid from its issue, unless the template has fixed dates. */
  @Column({ type: 'int' })
  validDays: number;

  /** Fixed validity (both set or both null): every coupon issued from it is valid in this window. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  validFrom: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  validUntil: Date | null;

  /** STOPPED (停用): no more issues or claims; coupons already in wallets stay usable. */
  @Column({ type: 'varchar', length: 16, default: 'ACTIVE' })
  status: CouponTemplateStatus;

  @Column({ type: 'int', default: 1 })
  version: number;

  /** Shown in the coupon centre (领券中心), where members claim it themselves. */
  @Column({ type: 'boolean', default: false })
  claimable: boolean;

  /** How many a member may claim from the coupon centre. */
  @Column({ type: 'int', default: 1 })
  claimPerMember: number;

  /** The template's total stock, for coupon-centre claims and operator issues together; null = no limit. */
  @Column({ type: 'int', nullable: true, default: null })
  claimTotal: number | null;

  /** Given out so far (claimed and issued); moves only by a conditional UPDATE against `claimTotal`. */
  @Column({ type: 'int', default: 0 })
  claimedCount: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
