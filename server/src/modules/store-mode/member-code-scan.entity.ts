import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ScanResult = 'ACCEPTED' | 'INVALID' | 'EXPIRED' | 'USED';

/**
 * Every member-code scan at a till, accepted or not: who (cashier), where (store), when, and the outcome.
 * `useKey` (`<memberId>:<step>`) is set on accepted scans only; its unique index is what makes a code single use,
 * even when two tills scan the same screen at the same instant. An accepted scan is also the short-lived session
 * under which the cashier acts on that member (redeem a voucher, record a purchase).
 */
@Entity('member_code_scans')
@Index(['staffId', 'scannedAt'])
export class MemberCodeScan {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int', nullable: true, default: null })
  memberId: number | null;

  @Column({ type: 'int' })
  storeId: number;

  @Column({ type: 'int' })
  staffId: number;

  @Column({ type: 'varchar', length: 10 })
  result: ScanResult;

  @Column({ type: 'varchar', length: 32, nullable: true, default: null, unique: true })
  useKey: string | null;

  @Column({ type: 'datetime', precision: 3 })
  scannedAt: Date;

  /** Until when the cashier may act on the member under this scan; null for refused scans. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  expiresAt: Date | null;
}
