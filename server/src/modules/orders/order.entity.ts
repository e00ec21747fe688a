import type { CheckoutDiscountView, Fulfilment, OrderState, ShippingAddress } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A member's online order. `orderNo` is WeChat Pay's out_trade_no (≤ 32 chars). State changes are conditional
 * UPDATEs following the shared order machine; the breakdown and rule versions of the quote it was priced with
 * are kept, so what was charged can always be explained and partly refunded line by line.
 */
@Entity('orders')
@Index(['state', 'reservationExpiresAt'])
@Index(['memberId', 'createdAt'])
@Index(['memberId', 'dropId'])
@Index(['state', 'fulfilledAt'])
@Index(['memberId', 'state', 'createdAt'])
// The console's list: a store manager's orders (by pickup store), newest first.
@Index(['pickupStoreId', 'createdAt'])
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  orderNo: string;

  @Column({ type: 'int' })
  memberId: number;

  /** `<memberId>:<clientOrderId>`: a retried submit finds the order it already made. */
  @Column({ type: 'varchar', length: 80, unique: true })
  clientKey: string;

  @Column({ type: 'varchar', length: 20 })
  state: OrderState;

  @Column({ type: 'int' })
  subtotalFen: number;

  @Column({ type: 'int' })
  totalDiscountFen: number;

  @Column({ type: 'int' })
  payableFen: number;

  @Column({ type: 'simple-json' })
  discounts: CheckoutDiscountView[];

  @Column({ type: 'simple-json' })
  ruleVersions: Record<string, unknown>;

  @Column({ type: 'simple-json' })
  couponIds: number[];

  @Column({ type: 'varchar', length: 8 })
  fulfilment: Fulfilment;

  @Column({ type: 'simple-json', nullable: true, default: null })
  address: ShippingAddress | null;

  @Column({ type: 'int', nullable: true, default: null })
  pickupStoreId: number | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  remark: string;

  /** Points the paid event will award (tier rate and birthday at the time of ordering). */
  @Column({ type: 'int', default: 0 })
  pointsToAward: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  /** Stock is held until then; WeChat Pay's time_expire is the same instant. */
  @Column({ type: 'datetime', precision: 3 })
  reservationExpiresAt: Date;

  /** A WeChat Pay order was opened (so it must be closed before the stock is released). */
  @Column({ type: 'boolean', default: false })
  prepayOpened: boolean;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  paidAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null, unique: true })
  transactionId: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  cancelReason: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  fulfilledAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  completedAt: Date | null;

  /** Shipping: the carrier and tracking number the operator entered (fulfilledAt is when). */
  @Column({ type: 'varchar', length: 20, nullable: true, default: null })
  carrier: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true, default: null })
  trackingNo: string | null;

  /** A PICKUP order's 12-digit code, the credential a cashier of its store hands it over with. */
  @Index('uq_orders_pickup_code', { unique: true })
  @Column({ type: 'varchar', length: 16, nullable: true, default: null })
  pickupCode: string | null;

  /** The cashier who handed a PICKUP order over (at its pickup store). */
  @Column({ type: 'int', nullable: true, default: null })
  handedOverByStaffId: number | null;

  /** The weekly drop this order was placed in (its units are the drop's, not SKU stock); null otherwise. */
  @Column({ type: 'int', nullable: true, default: null })
  dropId: number | null;
}
