import type { GiftShipmentStatus } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The shipping record a SHIP redemption yields, for the warehouse to send (PENDING) and mark SHIPPED. */
@Entity('gift_shipments')
@Index('idx_gift_shipments_status', ['status', 'id'])
export class GiftShipment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_gift_shipments_redemption', { unique: true })
  @Column({ type: 'int' })
  redemptionId: number;

  @Index('idx_gift_shipments_member')
  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'int' })
  giftId: number;

  @Column({ type: 'varchar', length: 32 })
  recipientName: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 64 })
  region: string;

  @Column({ type: 'varchar', length: 128 })
  detail: string;

  @Column({ type: 'varchar', length: 16 })
  status: GiftShipmentStatus;

  /** 快递公司, set with the tracking number when the operator ships it. */
  @Column({ type: 'varchar', length: 20, nullable: true, default: null })
  carrier: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  trackingNo: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  shippedAt: Date | null;
}
