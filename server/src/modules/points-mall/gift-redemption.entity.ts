import type { ErrorCode, GiftFulfilment, ShippingAddress } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Where a redemption is in its sequence. Each step moves it on by a conditional UPDATE from the state before, so
 * whoever resumes it (a retry of the same request, the sweeper job) does each step once:
 * PENDING → (stock taken) STOCK_TAKEN → (points spent, voucher or shipment written) COMPLETED; or FAILED from
 * PENDING (no stock, too few points) or STOCK_TAKEN (too few points: the unit goes back to stock).
 */
export const REDEMPTION_STEPS = ['PENDING', 'STOCK_TAKEN', 'COMPLETED', 'FAILED'] as const;
export type RedemptionStep = (typeof REDEMPTION_STEPS)[number];

/**
 * A member's redemption of one gift (礼品兑换), keyed by the client's request id: the unique (member, request)
 * index makes a retried or double-tapped request find the same row. The gift's name, image and price are copied
 * so a later edit of the gift changes neither what the member was charged nor what they see.
 */
@Entity('gift_redemptions')
@Index('uq_gift_redemptions_request', ['memberId', 'clientRequestId'], { unique: true })
@Index('idx_gift_redemptions_member', ['memberId', 'id'])
@Index('idx_gift_redemptions_step', ['status', 'updatedAt'])
export class GiftRedemption {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 64 })
  clientRequestId: string;

  @Index('idx_gift_redemptions_gift')
  @Column({ type: 'int' })
  giftId: number;

  @Column({ type: 'varchar', length: 64 })
  giftName: string;

  @Column({ type: 'varchar', length: 255 })
  giftImageUrl: string;

  @Column({ type: 'int', unsigned: true })
  pointsPrice: number;

  @Column({ type: 'varchar', length: 8 })
  fulfilment: GiftFulfilment;

  /** The address given with a SHIP request; copied into the shipment when the redemption completes. */
  @Column({ type: 'simple-json', nullable: true })
  address: ShippingAddress | null;

  @Column({ type: 'varchar', length: 16 })
  status: RedemptionStep;

  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  failureCode: ErrorCode | null;

  /** The REDEEM entry in the points ledger (source `gift_redemption:<id>`). */
  @Column({ type: 'int', nullable: true, default: null })
  pointsEntryId: number | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  completedAt: Date | null;
}
