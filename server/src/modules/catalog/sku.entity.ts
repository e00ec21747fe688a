import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Product } from './product.entity';

@Entity('skus')
@Check('chk_skus_stock_non_negative', '`stock` >= 0')
export class Sku {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  productId: number;

  @ManyToOne(() => Product, (product) => product.skus, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'productId' })
  product?: Product;

  /** Merchant code, unique across the brand. */
  @Column({ type: 'varchar', length: 64, unique: true })
  code: string;

  /** Spec values, e.g. { "颜色": "粉色" }. */
  @Column({ type: 'simple-json' })
  specs: Record<string, string>;

  @Column({ type: 'int' })
  priceFen: number;

  /** Units available. Changed only by conditional UPDATE (… WHERE stock >= n), never read-modify-write. */
  // UNSIGNED on MySQL and the CHECK on SQLite (TypeORM emits no CHECK for MySQL) both refuse a negative stock.
  @Column({ type: 'int', unsigned: true, default: 0 })
  stock: number;

  @Column({ type: 'int', default: 0 })
  sort: number;
}
