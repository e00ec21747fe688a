import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A saved segment (人群): a rule over member facts, evaluated when counted or previewed, never materialised. */
@Entity('segments')
@Index(['name'])
export class Segment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  /** The SegmentRule (shared) as JSON text, validated before it is stored. */
  @Column({ type: 'text' })
  rule: string;

  /** Staff account ids. */
  @Column({ type: 'int' })
  createdBy: number;

  @Column({ type: 'int' })
  updatedBy: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
