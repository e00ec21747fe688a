import type { StaffRoleName } from '@tidepool/shared';
import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export type StaffRole = StaffRoleName;

/** A store cashier or store manager (bound to one store) or a brand operator, who logs in with an account and a password. */
@Entity('staff_accounts')
export class StaffAccount {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  /** `scrypt$N$r$p$salt$hash` (see password-hash.ts); never the password. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: StaffRole;

  // The stores module owns the table: a foreign key by entity name keeps the schema without importing it.
  @Index()
  @ForeignKey('Store', { onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true, default: null })
  storeId: number | null;

  @Column({ type: 'varchar', length: 64 })
  displayName: string;

  /** The WeChat account bound through an operator's invite; it then logs in with wx.login, no password typed. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null, unique: true })
  wechatOpenid: string | null;

  /** SHA-256 of the pending single-use invite code, and when it lapses; cleared when bound. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null, unique: true })
  inviteCodeHash: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  inviteExpiresAt: Date | null;

  /** Set when an admin disables the account: it can no longer log in and its tokens stop working. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  disabledAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
