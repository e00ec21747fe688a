import type { GiftVoucherStatus } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The voucher a PICKUP redemption yields: a random pickup code the member shows at a till. Picking up is a
 * conditional UPDATE (AVAILABLE → PICKED_UP) that records who, where and when; a second scan changes nothing.
 */
@Entity('gift_vouchers')
@Index('idx_gift_vouchers_member', ['memberId', 'id'])
export class GiftVoucher {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_gift_vouchers_redemption', { unique: true })
  @Column({ type: 'int' })
  redemptionId: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'int' })
  giftId: number;

  /** 10 characters of Crockford base32 (50 random bits); see shared `normalisePickupCode`. */
  @Index('uq_gift_vouchers_pickup_code', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  pickupCode: string;

  @Column({ type: 'varchar', length: 16 })
  status: GiftVoucherStatus;

  @Column({ type: 'datetime', precision: 3 })
  issuedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  pickedUpAt: Date | null;

  @Column({ type: 'int', nullable: true, default: null })
  pickedUpStoreId: number | null;

  @Column({ type: 'int', nullable: true, default: null })
  pickedUpByStaffId: number | null;
}
