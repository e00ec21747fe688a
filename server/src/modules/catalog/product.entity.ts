import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { ProductStatus } from '@tidepool/shared';
import { Category } from './category.entity';
import { Sku } from './sku.entity';

export type { ProductStatus };

/** A string list kept comma-separated in one column (tags match PROMOTION_TAG_PATTERN, so hold no comma). */
const commaList = {
  to: (value: string[] | undefined): string => (value ?? []).join(','),
  // TypeORM also passes back what it wrote (an array) when it hydrates defaults after an insert.
  from: (value: unknown): string[] =>
    Array.isArray(value) ? (value as string[]) : typeof value === 'string' && value ? value.split(',') : [],
};

@Entity('products')
@Index('idx_products_listing', ['status', 'categoryId', 'sort'])
export class Product {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  categoryId: number;

  @ManyToOne(() => Category, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'categoryId' })
  category?: Category;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 128, default: '' })
  subtitle: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 255 })
  coverUrl: string;

  @Column({ type: 'simple-json' })
  images: string[];

  /** Lowest price among the product's SKUs, in fen; kept with the SKUs so lists need no join. */
  @Column({ type: 'int' })
  priceFen: number;

  /** Strike-through price in fen, or null. */
  @Column({ type: 'int', nullable: true, default: null })
  originalPriceFen: number | null;

  @Column({ type: 'int', default: 0 })
  sales: number;

  @Column({ type: 'varchar', length: 16, default: 'ON_SALE' })
  status: ProductStatus;

  @Column({ type: 'int', default: 0 })
  sort: number;

  /** Tags that put the product's lines into item promotions of the pricing engine, e.g. `zone-2for79`. */
  @Column({ type: 'varchar', length: 300, default: '', transformer: commaList })
  promotionTags: string[];

  @OneToMany(() => Sku, (sku) => sku.product)
  skus?: Sku[];

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  /**
   * Bumped by every UPDATE of the row (TypeORM adds `version = version + 1` to each one): the console's edit form
   * sends the version it loaded, so an edit made over someone else's is refused rather than silently lost.
   */
  @VersionColumn({ default: 1 })
  version: number;
}
