import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of a member's address book. Owned by the member (every read and write is by (memberId, id)); at most
 * one default per member, kept by the service in one transaction.
 */
@Entity('member_addresses')
@Index('idx_member_addresses_member', ['memberId', 'isDefault', 'updatedAt'])
export class MemberAddress {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 32 })
  recipientName: string;

  @Column({ type: 'varchar', length: 11 })
  phone: string;

  @Column({ type: 'varchar', length: 32 })
  province: string;

  @Column({ type: 'varchar', length: 32 })
  city: string;

  @Column({ type: 'varchar', length: 32 })
  district: string;

  @Column({ type: 'varchar', length: 160 })
  detail: string;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  /** From the Clock, like every business time. */
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
