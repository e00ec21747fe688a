import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ProductSnapshotColumns } from '../catalog';

/**
 * A product in a drop with its own allocation. `sold` (paid) and `reserved` (held by unpaid orders) only move by
 * conditional UPDATEs, so `sold + reserved <= cap` always holds and `left = cap - sold - reserved` exactly.
 * The product's name and picture are copied when the drop is scheduled: the drop shows what was announced.
 */
@Entity('drop_items')
export class DropItem extends ProductSnapshotColumns {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  dropId: number;

  @Column({ type: 'int' })
  listPriceFen: number;

  @Column({ type: 'int' })
  dropPriceFen: number;

  @Column({ type: 'int' })
  cap: number;

  @Column({ type: 'int' })
  perMemberLimit: number;

  @Column({ type: 'int', default: 0 })
  sold: number;

  @Column({ type: 'int', default: 0 })
  reserved: number;
}
