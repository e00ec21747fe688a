import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PaymentRefundKind = 'LATE_PAYMENT' | 'LINES';
export interface RefundLinePart {
  lineId: number;
  quantity: number;
  amountFen: number;
}
export type PaymentRefundStatus = 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';

/**
 * Money going back through WeChat Pay. `outRefundNo` is made from this row before WeChat is asked, so every retry
 * asks for the same refund and WeChat pays it once. Done only when WeChat says so (notification or query).
 */
@Entity('payment_refunds')
export class PaymentRefund {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  outRefundNo: string;

  @Column({ type: 'varchar', length: 16 })
  kind: PaymentRefundKind;

  /** The WeChat payment refunded (a late or second payment has its own transaction id). */
  @Column({ type: 'varchar', length: 64 })
  transactionId: string;

  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'int' })
  totalFen: number;

  @Column({ type: 'simple-json' })
  lineIds: number[];

  /** Units and amount per line (null on rows made before partial refunds: then each line in lineIds whole). */
  @Column({ type: 'simple-json', nullable: true, default: null })
  lines: RefundLinePart[] | null;

  @Column({ type: 'varchar', length: 12 })
  status: PaymentRefundStatus;

  /** WeChat Pay's refund_id, kept from its first answer so the console can quote it to WeChat support. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  wechatRefundId: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  settledAt: Date | null;
}
