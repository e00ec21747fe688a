import { GIFT_FULFILMENTS, type GiftFulfilment } from '@tidepool/shared';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';

/** `PICKUP,SHIP` in one short column, read back in the canonical order. */
const fulfilmentList: ValueTransformer = {
  to: (value: GiftFulfilment[] | undefined) => value && GIFT_FULFILMENTS.filter((f) => value.includes(f)).join(','),
  from: (value: string | null) =>
    value ? GIFT_FULFILMENTS.filter((f) => value.split(',').includes(f)) : ([] as GiftFulfilment[]),
};

/**
 * A gift in the points mall (积分商城). `stock` changes only by conditional UPDATE (`stock = stock - 1 WHERE
 * stock >= 1`, an operator's `stock + delta WHERE stock + delta >= 0`), never by writing back a value read
 * earlier; UNSIGNED on MySQL and the CHECK on SQLite refuse a negative count even to a buggy caller.
 */
@Entity('gifts')
@Index('idx_gifts_listing', ['active', 'sort', 'id'])
@Check('chk_gifts_stock', '`stock` >= 0')
export class Gift {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  /** A path under /static/ (served by the API) or a full https URL. */
  @Column({ type: 'varchar', length: 255 })
  imageUrl: string;

  @Column({ type: 'int', unsigned: true })
  pointsPrice: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  stock: number;

  /** How the member may receive it: PICKUP (at a store, with a pickup code) and/or SHIP. */
  @Column({ type: 'varchar', length: 32, transformer: fulfilmentList })
  fulfilments: GiftFulfilment[];

  /** Inactive gifts are hidden from members; redemptions already made are unaffected. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'int', default: 0 })
  sort: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
