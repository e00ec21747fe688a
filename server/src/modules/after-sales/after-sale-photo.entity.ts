import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A photo a member uploaded for an application (the file is under DATA_DIR/after-sale-photos/). */
@Entity('after_sale_photos')
export class AfterSalePhoto {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  memberId: number;

  /** Random file name (hex) without extension. */
  @Column({ type: 'varchar', length: 64, unique: true })
  storageKey: string;

  @Column({ type: 'varchar', length: 16 })
  mimeType: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
