import type { VoucherStatus } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type VoucherKind = 'SIGNUP_GIFT';

/**
 * A goods voucher in a member's wallet, redeemed once at any till (the signup gift: a free shopping bag).
 * Money-off coupons are the commerce module's; this is "hand over this item". Redemption is a conditional UPDATE
 * on `status`, and the row keeps who redeemed it, where and when.
 */
@Entity('member_vouchers')
@Index(['memberId', 'status'])
export class MemberVoucher {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 24 })
  kind: VoucherKind;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  description: string;

  /** Why it was issued, unique so a retried signup issues one gift (e.g. `signup-gift:42`). */
  @Column({ type: 'varchar', length: 64, unique: true })
  sourceKey: string;

  @Column({ type: 'varchar', length: 16 })
  status: VoucherStatus;

  @Column({ type: 'datetime', precision: 3 })
  issuedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  expiresAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  redeemedAt: Date | null;

  @Column({ type: 'int', nullable: true, default: null })
  redeemedStoreId: number | null;

  @Column({ type: 'int', nullable: true, default: null })
  redeemedByStaffId: number | null;

  /** The member-code scan the cashier redeemed it under. */
  @Column({ type: 'int', nullable: true, default: null })
  redeemedScanId: number | null;
}
