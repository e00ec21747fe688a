import type { LineRefundState } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ProductSnapshotColumns } from '../catalog';

/** One line of an order, with its share of every discount: `paidFen` is what a refund of the line gives back. */
@Entity('order_items')
export class OrderItem extends ProductSnapshotColumns {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  unitPriceFen: number;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'int' })
  originalFen: number;

  @Column({ type: 'int' })
  itemDiscountFen: number;

  @Column({ type: 'int' })
  orderDiscountFen: number;

  @Column({ type: 'int' })
  paidFen: number;

  /**
   * REFUNDING while some units are held by a refund in progress (an open after-sale or a whole-line refund),
   * REFUNDED once every unit is refunded, NONE otherwise (a partly refunded line with free units is NONE).
   * Derived from the counters below in the same transaction that moves them.
   */
  @Column({ type: 'varchar', length: 12, default: 'NONE' })
  refundState: LineRefundState;

  /** Units refunded (WeChat confirmed) and their amount; never more than quantity / paidFen. */
  @Column({ type: 'int', default: 0 })
  refundedQuantity: number;

  @Column({ type: 'int', default: 0 })
  refundedFen: number;

  /** Units held by refunds in progress (after-sales not yet refunded or closed) and their amount. */
  @Column({ type: 'int', default: 0 })
  refundingQuantity: number;

  @Column({ type: 'int', default: 0 })
  refundingFen: number;

  /** Set when the unit came from a drop's allocation: cancelling gives it back to the drop, not to SKU stock. */
  @Column({ type: 'int', nullable: true, default: null })
  dropItemId: number | null;
}
