import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A guest cart merged into a member's cart at login, once: the unique (memberId, mergeId) makes a retried or
 * double-submitted merge a no-op. `itemsHash` tells a true retry from a different cart sent under the same id.
 */
@Entity('cart_merges')
@Index('uq_cart_merges_member_merge', ['memberId', 'mergeId'], { unique: true })
export class CartMerge {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 64 })
  mergeId: string;

  /** SHA-256 (hex) of the normalised items. */
  @Column({ type: 'varchar', length: 64 })
  itemsHash: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
