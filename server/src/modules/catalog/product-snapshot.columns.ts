import { Column } from 'typeorm';

/**
 * A product as it was when something was sold or announced: the SKU and product ids plus the name, spec and
 * picture copied at that moment, so an order line or a drop item keeps showing what the member saw after the
 * catalogue changes. Not an entity: TypeORM copies these columns into each table whose entity extends it.
 */
export abstract class ProductSnapshotColumns {
  @Column({ type: 'int' })
  skuId: number;

  @Column({ type: 'int' })
  productId: number;

  @Column({ type: 'varchar', length: 128 })
  productName: string;

  @Column({ type: 'varchar', length: 128, default: '' })
  specText: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  imageUrl: string;
}
