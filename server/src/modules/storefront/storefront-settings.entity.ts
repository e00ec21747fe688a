import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the storefront shows that the operator sets: search suggestions and the customer-service contact. One row
 * (id 1) per deployment, which serves one brand; absent until the operator first saves (defaults apply).
 */
@Entity('storefront_settings')
export class StorefrontSettings {
  @PrimaryColumn({ type: 'int' })
  id: number;

  /** JSON array of strings, in the operator's order. */
  @Column({ type: 'simple-json' })
  hotKeywords: string[];

  @Column({ type: 'varchar', length: 20 })
  servicePhone: string;

  @Column({ type: 'varchar', length: 40 })
  serviceHours: string;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
