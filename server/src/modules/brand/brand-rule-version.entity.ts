import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A version of the brand's rules an operator scheduled from the console. Never edited once saved: a change is a
 * new version, and a version that has not taken effect yet may only be cancelled. The configuration's rules are
 * the version before the first row.
 */
@Entity('brand_rule_versions')
@Index(['effectiveFrom'])
export class BrandRuleVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'datetime', precision: 3 })
  effectiveFrom: Date;

  /** The whole BrandRules served from effectiveFrom, as JSON (validated before it is saved). */
  @Column({ type: 'text' })
  rulesJson: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  note: string;

  @Column({ type: 'int' })
  createdByStaffId: number;

  @Column({ type: 'varchar', length: 64 })
  createdByName: string;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  cancelledAt: Date | null;
}
