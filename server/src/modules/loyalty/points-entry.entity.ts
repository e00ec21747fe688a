import type { PointsEntryKind } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LedgerEntrySource } from './ledger-entry-source.columns';

/**
 * One line of the points ledger (积分明细). Append-only: never updated or deleted. Each (source type, source id,
 * kind) applies once, enforced by the unique idempotency key, so a retried award, a duplicate notification or a
 * second replica's job cannot write a second line. The member's balance equals the sum of `points`.
 */
@Entity('points_entries')
@Index('idx_points_entries_member', ['memberId', 'id'])
@Index('idx_points_entries_source', ['sourceType', 'sourceId'])
export class PointsEntry extends LedgerEntrySource {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: PointsEntryKind;

  /** Signed: positive for EARN (and positive ADJUST), negative for REDEEM, EXPIRE, REVERSE. */
  @Column({ type: 'int' })
  points: number;

  /** The balance right after this entry (so a replayed request answers what the first one did). */
  @Column({ type: 'int' })
  availableAfter: number;

  @Column({ type: 'int' })
  debtAfter: number;

  /** `sourceType:sourceId:kind`. */
  @Index('uq_points_entries_idempotency_key', { unique: true })
  @Column({ type: 'varchar', length: 160 })
  idempotencyKey: string;

  /** For a REVERSE: the EARN entry it takes back (reversals of one earning never exceed it). */
  @Index('idx_points_entries_reverses')
  @Column({ type: 'int', nullable: true, default: null })
  reversesEntryId: number | null;
}
