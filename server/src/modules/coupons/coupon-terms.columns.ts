import type { CouponScope } from '@tidepool/shared';
import { Column } from 'typeorm';

/**
 * A coupon's terms: what it takes off, above which threshold, on what and with what. A template holds them and
 * every issued coupon holds a copy of them as they were (editing a template never changes a wallet), so both
 * tables carry the same columns; not an entity itself (TypeORM copies the columns into each table).
 */
export abstract class CouponTerms {
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'AMOUNT_OFF' | 'PERCENT';

  @Column({ type: 'int', nullable: true, default: null })
  amountOffFen: number | null;

  /** Share of the price paid in basis points (8800 = 88折). */
  @Column({ type: 'int', nullable: true, default: null })
  payRateBp: number | null;

  @Column({ type: 'int', nullable: true, default: null })
  maxDiscountFen: number | null;

  @Column({ type: 'int', default: 0 })
  thresholdFen: number;

  @Column({ type: 'simple-json' })
  scope: CouponScope;

  @Column({ type: 'varchar', length: 16 })
  stacking: 'EXCLUSIVE' | 'STACKABLE';
}
