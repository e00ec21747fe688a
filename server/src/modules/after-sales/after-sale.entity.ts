import type { AfterSaleReasonCode, AfterSaleState, AfterSaleType } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One after-sale (售后单): some units of one order line, from application to refund or refusal. The units and
 * their amount are held on the line from the application on (orders' OrderLineRefundsService), so `amountFen`
 * is fixed then. State changes are conditional UPDATEs following the shared after-sale machine.
 */
@Entity('after_sales')
@Index(['memberId', 'createdAt'])
@Index(['state', 'createdAt'])
@Index(['orderId'])
@Index(['storeId', 'createdAt'])
export class AfterSale {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  afterSaleNo: string;

  /** `<memberId>:<clientRequestId>:<lineId>`: a retried submit finds what it already made. */
  @Column({ type: 'varchar', length: 120, unique: true })
  clientKey: string;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'int' })
  orderId: number;

  /**
   * The order's store (its pickup store; null for a shipped order, which belongs to the brand), copied when the
   * after-sale is made so a store manager's queue is filtered in SQL without reading another module's table.
   */
  @Column({ type: 'int', nullable: true, default: null })
  storeId: number | null;

  @Column({ type: 'varchar', length: 32 })
  orderNo: string;

  @Column({ type: 'int' })
  lineId: number;

  @Column({ type: 'varchar', length: 128 })
  productName: string;

  @Column({ type: 'varchar', length: 128, default: '' })
  specText: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  imageUrl: string;

  @Column({ type: 'int' })
  unitPriceFen: number;

  @Column({ type: 'varchar', length: 16 })
  type: AfterSaleType;

  @Column({ type: 'varchar', length: 20 })
  state: AfterSaleState;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 24 })
  reasonCode: AfterSaleReasonCode;

  @Column({ type: 'varchar', length: 200, default: '' })
  reasonText: string;

  @Column({ type: 'simple-json' })
  photoIds: number[];

  @Column({ type: 'varchar', length: 200, nullable: true, default: null })
  rejectReason: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  returnCarrier: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true, default: null })
  returnTrackingNo: string | null;

  /** The WeChat refund paying it (set when it enters REFUNDING). */
  @Index()
  @Column({ type: 'int', nullable: true, default: null })
  paymentRefundId: number | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  approvedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  returnShippedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  returnReceivedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  refundedAt: Date | null;

  /** Cancelled by the member, refused, or its refund closed. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  closedAt: Date | null;
}
