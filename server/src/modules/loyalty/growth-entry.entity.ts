import type { TierCode } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LedgerEntrySource } from './ledger-entry-source.columns';

export const GROWTH_ENTRY_KINDS = ['EARN', 'REVERSE', 'ADJUST'] as const;
export type GrowthEntryKind = (typeof GROWTH_ENTRY_KINDS)[number];

/**
 * One line of the growth ledger. Append-only with a unique `sourceType:sourceId:kind` key, like points entries.
 * Growth is never spent, so it only moves by purchases (EARN), their refunds (REVERSE) and an operator's
 * correction with a reason (ADJUST, signed, never below zero).
 */
@Entity('growth_entries')
@Index('idx_growth_entries_member', ['memberId', 'id'])
export class GrowthEntry extends LedgerEntrySource {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: GrowthEntryKind;

  /** Signed: positive for EARN, negative for REVERSE, either for ADJUST. */
  @Column({ type: 'int' })
  growth: number;

  @Column({ type: 'int' })
  growthAfter: number;

  /** The tier right after this entry. */
  @Column({ type: 'varchar', length: 16 })
  tierAfter: TierCode;

  @Index('uq_growth_entries_idempotency_key', { unique: true })
  @Column({ type: 'varchar', length: 160 })
  idempotencyKey: string;

  /** For a REVERSE: the EARN entry it takes back. */
  @Index('idx_growth_entries_reverses')
  @Column({ type: 'int', nullable: true, default: null })
  reversesEntryId: number | null;
}
