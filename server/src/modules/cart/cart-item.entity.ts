import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of a member's server-side cart. (memberId, skuId) is unique: a line is created or changed only by an
 * insert-or-update on that key (see CartLines), so concurrent adds of one SKU can never make two lines. The price
 * is not kept here: a cart always shows the SKU's current price.
 */
@Entity('cart_items')
@Index('uq_cart_items_member_sku', ['memberId', 'skuId'], { unique: true })
@Check('chk_cart_items_quantity', '`quantity` >= 1 AND `quantity` <= 99')
export class CartItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  // The catalog module owns the table: a foreign key by entity name keeps the schema without importing it.
  @Index()
  @ForeignKey('Sku', { onDelete: 'CASCADE' })
  @Column({ type: 'int' })
  skuId: number;

  /** 1..CART_MAX_QUANTITY. */
  @Column({ type: 'int' })
  quantity: number;

  /** Ticked for checkout (勾选). */
  @Column({ type: 'boolean', default: true })
  selected: boolean;

  /** From the Clock, like every business time. */
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
