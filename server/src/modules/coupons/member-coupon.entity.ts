import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CouponTerms } from './coupon-terms.columns';

/**
 * A coupon in a member's wallet: a copy of its template at issue time plus its own life. `issueKey` is unique
 * (`birthday:<member>:<year>`, `batch:<name>:<member>`), so every issuing rule is idempotent. Use and release are
 * conditional UPDATEs on `status` that record the source (an order, a till transaction), so a coupon is spent
 * once and comes back only from the purchase that spent it.
 */
@Entity('member_coupons')
@Index(['memberId', 'status'])
export class MemberCoupon extends CouponTerms {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'int' })
  templateId: number;

  @Column({ type: 'varchar', length: 96, unique: true })
  issueKey: string;

  /** `<template code>@<template version>`, recorded on what it was used for. */
  @Column({ type: 'varchar', length: 48 })
  version: string;

  /** AVAILABLE or USED; "expired" is AVAILABLE past `validUntil`, decided by the clock when read. */
  @Column({ type: 'varchar', length: 16 })
  status: 'AVAILABLE' | 'USED';

  @Column({ type: 'datetime', precision: 3 })
  validFrom: Date;

  @Column({ type: 'datetime', precision: 3 })
  validUntil: Date;

  @Column({ type: 'datetime', precision: 3 })
  issuedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  usedAt: Date | null;

  /** What spent it: `till:<id>` or `order:<id>`. */
  @Column({ type: 'varchar', length: 48, nullable: true, default: null })
  usedBy: string | null;
}
