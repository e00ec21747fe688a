import type { TillDiscountLine, TillItem, TillPaymentMethod, TillTransactionStatus } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One in-store purchase recorded by a cashier for a scanned member. `clientId` is unique: the till makes it once
 * per sale and reuses it on every retry, so a confirm that times out and is sent again records one sale and
 * awards once. The breakdown and rule versions used are kept, as an order keeps its quote.
 */
@Entity('till_transactions')
@Index(['storeId', 'createdAt'])
export class TillTransaction {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  clientId: string;

  @Column({ type: 'int' })
  storeId: number;

  @Column({ type: 'int' })
  staffId: number;

  @Column({ type: 'int' })
  scanId: number;

  @Index()
  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'int' })
  subtotalFen: number;

  @Column({ type: 'int' })
  payableFen: number;

  /** As the cashier recorded it; rules that ask for WeChat Pay hold in store as online. */
  @Column({ type: 'varchar', length: 16, default: 'UNSPECIFIED' })
  paymentMethod: TillPaymentMethod;

  @Column({ type: 'simple-json' })
  discounts: TillDiscountLine[];

  @Column({ type: 'simple-json' })
  couponIds: number[];

  @Column({ type: 'simple-json' })
  items: TillItem[];

  /** Pricing engine, member-day and coupon versions the breakdown was computed with. */
  @Column({ type: 'simple-json' })
  ruleVersions: Record<string, unknown>;

  @Column({ type: 'int' })
  pointsAwarded: number;

  @Column({ type: 'int' })
  growthAwarded: number;

  @Column({ type: 'varchar', length: 16 })
  status: TillTransactionStatus;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  refundedAt: Date | null;

  @Column({ type: 'int', nullable: true, default: null })
  refundedByStaffId: number | null;
}
