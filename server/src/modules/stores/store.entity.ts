import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Brand } from './brand.entity';

// MySQL returns DECIMAL as a string (exact); degrees to six places fit a double exactly enough for a map.
const decimalDegrees = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

@Entity('stores')
export class Store {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  brandId: number;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brandId' })
  brand?: Brand;

  /** Short code printed on the till and in the store's signup QR. */
  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  address: string;

  /** IANA zone; business calendars (member day, drops) are computed in it. */
  @Column({ type: 'varchar', length: 64, default: 'Asia/Shanghai' })
  timeZone: string;

  /** WGS-84 (as the mini program's map and distance sort use); null until the operator sets it. */
  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, default: null, transformer: decimalDegrees })
  latitude: number | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, default: null, transformer: decimalDegrees })
  longitude: number | null;

  /** `HH:MM` in the store's zone; a closing time before the opening time runs past midnight. */
  @Column({ type: 'varchar', length: 5, nullable: true, default: null })
  opensAt: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true, default: null })
  closesAt: string | null;

  /** Whether shoppers may choose to collect orders here. */
  @Column({ type: 'boolean', default: true })
  pickupEnabled: boolean;

  @CreateDateColumn()
  createdAt: Date;
}
